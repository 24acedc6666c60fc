import { readFile } from 'node:fs/promises'
import { basename } from 'node:path'
import { BaseCommand, args, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'
import type { ImportedEntry } from '#dues/actions/import_bank_statement'

/**
 * node ace dues:bank-import kontoudtog.xml [--dry-run]
 * Reads a camt.053 or bank CSV statement, pays the invoices the sure matches
 * point at and lists every other entry for the treasurer to decide.
 */
export default class DuesBankImport extends BaseCommand {
  static commandName = 'dues:bank-import'
  static description = 'Import a bank statement (camt.053 or CSV) and record the sure payments'
  static options: CommandOptions = { startApp: true }

  @args.string({ description: 'The statement (.xml or .csv)' })
  declare file: string

  @flags.boolean({ description: 'Show what would happen, and write nothing' })
  declare dryRun: boolean

  async run() {
    const { ImportBankStatement } = await import('#dues/actions/import_bank_statement')
    const { formatKroner } = await import('#shared/formatting')
    const { Actors } = await import('#audit/actor')

    let content: Buffer
    try {
      content = await readFile(this.file)
    } catch {
      this.logger.error(`Cannot read the file ${this.file}`)
      this.exitCode = 1
      return
    }
    const result = await new ImportBankStatement().handle(
      { file: content, fileName: basename(this.file), dryRun: this.dryRun },
      Actors.system(`dues:bank-import ${basename(this.file)}`)
    )
    if (result.status === 'unreadable') {
      this.logger.error(`Cannot read the statement ${this.file}: ${result.message}`)
      this.exitCode = 1
      return
    }
    for (const entry of result.entries) {
      const amount = formatKroner(entry.amountOre).padStart(16)
      this.logger.log(`${entry.bookingDate}  ${amount}  ${entry.text}  ${describe(entry)}`)
    }
    const { counts } = result
    const summary =
      `${counts.applied} applied, ${counts.suggested} to decide, ${counts.unmatched} unmatched, ` +
      `${counts.ignored} ignored, ${counts.already_imported} already imported`
    if (result.status === 'conflict') {
      this.logger.error(
        'Another import stored some of these entries at the same time; nothing was imported. Run it again.'
      )
      this.exitCode = 1
      return
    }
    if (result.status === 'previewed') this.logger.info(`Dry run, nothing written: ${summary}`)
    else this.logger.success(summary)
  }
}

function describe(entry: ImportedEntry) {
  switch (entry.status) {
    case 'already_imported':
      return 'already imported'
    case 'ignored':
      return entry.ignoredBecause === 'pending' ? 'ignored: not booked yet' : 'ignored: money out'
    case 'unmatched':
      return 'unmatched'
    default: {
      const invoices = entry.allocations
        .map((allocation) => `${allocation.invoiceNumber} ${allocation.memberName}`)
        .join(', ')
      const what =
        entry.status === 'applied' ? `paid ${invoices}` : `${entry.certainty} match ${invoices}`
      const kinds = entry.allocations.map((allocation) => allocation.kind)
      const kind = kinds.includes('over') ? ' (more than owed)' : ''
      const part = kinds.includes('partial') ? ' (part payment)' : ''
      return `${what}${part}${kind}, by ${reasonInWords(entry)}`
    }
  }
}

function reasonInWords(entry: ImportedEntry) {
  const reason = entry.reason
  if (!reason) return 'no reason'
  if (reason.code === 'fik_payment_id') return `FI payment ID ${reason.paymentId}`
  if (reason.code === 'invoice_number') {
    return `invoice number ${reason.invoiceNumbers.join(', ')} in the text`
  }
  const how = reason.by === 'same_name' ? 'payer named' : 'text naming'
  return `the open amount from a ${how} ${reason.memberName}`
}
