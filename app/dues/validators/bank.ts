import vine from '@vinejs/vine'
import { kronerRule } from '#shared/validation/rules'
import { BANK_COLUMN_ROLES } from '#dues/bank/bank_column_mappings'

/** camt.053 is XML; the netbanks' exports are CSV (some name them .txt). */
export const bankUploadValidator = vine.create({
  file: vine.file({ size: '20mb', extnames: ['xml', 'csv', 'txt'] }),
})

/** The treasurer names the columns of a bank's CSV that Kreds does not know. */
export const bankMappingValidator = vine.create({
  upload: vine.string().uuid(),
  file_name: vine.string().trim().maxLength(200),
  columns: vine
    .array(
      vine.object({
        header: vine.string().trim().maxLength(200),
        role: vine.enum([...BANK_COLUMN_ROLES, 'ignore']),
      })
    )
    .maxLength(60),
})

/** The invoices an entry pays and how much each gets; empty rows of the form are left out. */
export const entryMatchValidator = vine.create({
  allocations: vine
    .array(
      vine.object({
        invoice_id: vine.number().withoutDecimals().positive().optional(),
        amount: vine
          .string()
          .trim()
          .use(kronerRule())
          .transform((value) => Number(value))
          .optional(),
      })
    )
    .minLength(1)
    .maxLength(20),
})

export const closeBooksValidator = vine.create({
  through: vine.date({ formats: ['YYYY-MM-DD'] }),
  confirm: vine.accepted(),
})

/** Money on many invoices, or payments taken back: the treasurer ticks that it is meant. */
export const confirmedValidator = vine.create({
  confirm: vine.accepted(),
})
