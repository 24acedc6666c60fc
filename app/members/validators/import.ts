import vine from '@vinejs/vine'
import { COLUMN_ORDER } from '#members/register_file/register_columns'

export const importUploadValidator = vine.create({
  file: vine.file({ size: '10mb', extnames: ['csv', 'txt', 'xlsx'] }),
})

const parkedFile = {
  upload: vine.string().uuid(),
  file_name: vine.string().trim().maxLength(200),
  sheet: vine.string().trim().maxLength(31).optional(),
}

/** Which parked file a form is about, read alone when the rest of the form was refused. */
export const parkedFileValidator = vine.create(parkedFile)

/** Another look at the uploaded file: another sheet, or columns the user has named. */
export const importReviewValidator = vine.create({
  ...parkedFile,
  mapping: vine
    .array(
      vine.object({
        header: vine.string().trim().maxLength(200),
        column: vine.enum([...COLUMN_ORDER, 'ignore', '']),
      })
    )
    .maxLength(100)
    .optional(),
})

export const importConfirmValidator = vine.create({
  ...parkedFile,
  missing: vine.enum(['leave', 'resign']).optional(),
  resign_on: vine
    .date({ formats: ['YYYY-MM-DD'] })
    .optional()
    .requiredWhen('missing', '=', 'resign'),
})
