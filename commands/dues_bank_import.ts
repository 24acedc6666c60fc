import { readFile } from 'node:fs/promises'
import { basename } from 'node:path'
import { BaseCommand, args, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'
import type { StatementEntryView } from '#dues/queries/statement_entries'

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
    const { ApplySureBankMatches } = await import('#dues/actions/apply_sure_bank_matches')
    const { getStatementEntries } = await import('#dues/queries/statement_entries')
    const { bankMappingFromRoles, savedBankColumnRoles } =
      await import('#dues/bank/bank_column_mappings')
    const { formatKroner } = await import('#shared/formatting')
    const { Actors } = await import('#audit/actor')

    let content: Buffer
    try {
      content = await readFile(this.file)
    } catch {
      return this.fail(`Cannot read the file ${this.file}`)
    }
    const actor = Actors.system(`dues:bank-import ${basename(this.file)}`)
    const roles = await savedBankColumnRoles()
    const result = await new ImportBankStatement().handle(
      {
        file: content,
        fileName: basename(this.file),
        dryRun: this.dryRun,
        mappingFor: (headers) => bankMappingFromRoles(headers, roles),
      },
      actor
    )
    switch (result.status) {
      case 'unreadable':
        return this.fail(`Cannot read the statement ${this.file}: ${result.message}`)
      case 'needs_mapping':
        return this.fail(
          `No known bank writes the columns ${result.headers.join(', ')}: ` +
            'import the file once on the bank page and say which column is which.'
        )
      case 'conflict':
        return this.fail(
          'Another import stored some of these entries at the same time; nothing was imported. Run it again.'
        )
      case 'previewed':
        this.list(result.entries, formatKroner)
        this.logger.info(`Dry run, nothing written: ${summary(result.entries)}`)
        return
      case 'imported': {
        const applied = await new ApplySureBankMatches().handle(
          { statementId: result.statementId },
          actor
        )
        const entries = await getStatementEntries(result.statementId)
        this.list(entries, formatKroner)
        this.logger.success(
          summary(entries) +
            (applied.refused ? `; ${applied.refused} sure matches refused by the books` : '')
        )
      }
    }
  }

  private list(entries: StatementEntryView[], formatKroner: (ore: number) => string) {
    for (const entry of entries) {
      const amount = formatKroner(entry.amountOre).padStart(16)
      this.logger.log(`${entry.bookingDate}  ${amount}  ${entry.text}  ${describe(entry)}`)
    }
  }

  private fail(message: string) {
    this.logger.error(message)
    this.exitCode = 1
  }
}

function summary(entries: StatementEntryView[]) {
  const count = (test: (entry: StatementEntryView) => boolean) => entries.filter(test).length
  const open = (entry: StatementEntryView) => entry.state === 'open'
  return [
    `${count((entry) => entry.state === 'matched')} paid`,
    `${count((entry) => open(entry) && entry.suggestion?.certainty === 'sure')} sure to pay`,
    `${count((entry) => open(entry) && !!entry.suggestion && entry.suggestion.certainty !== 'sure')} to decide`,
    `${count((entry) => open(entry) && !entry.suggestion)} unmatched`,
    `${count((entry) => entry.state === 'not_dues')} not dues`,
    `${count((entry) => entry.state === 'debit')} money out`,
    `${count((entry) => entry.state === 'pending')} not booked yet`,
    `${count((entry) => entry.importedBefore)} imported before`,
  ].join(', ')
}

function describe(entry: StatementEntryView) {
  const before = entry.importedBefore ? ' (imported before)' : ''
  switch (entry.state) {
    case 'pending':
      return 'ignored: not booked yet'
    case 'debit':
      return 'ignored: money out'
    case 'not_dues':
      return `not dues${before}`
    case 'matched': {
      const paid = entry.payments.map((p) => `${p.invoiceNumber} ${p.memberName}`).join(', ')
      const by =
        entry.matchedBy === 'treasurer' || !entry.suggestion
          ? 'the treasurer'
          : reasonInWords(entry.suggestion.reason)
      return `paid ${paid}, by ${by}${before}`
    }
    case 'open': {
      if (!entry.suggestion) return `unmatched${before}`
      const invoices = entry.suggestion.allocations
        .map((allocation) => `${allocation.invoiceNumber} ${allocation.memberName}`)
        .join(', ')
      const kinds = entry.suggestion.allocations.map((allocation) => allocation.kind)
      const over = kinds.includes('over') ? ' (more than owed)' : ''
      const part = kinds.includes('partial') ? ' (part payment)' : ''
      return `${entry.suggestion.certainty} match ${invoices}${part}${over}, by ${reasonInWords(entry.suggestion.reason)}${before}`
    }
  }
}

function reasonInWords(reason: NonNullable<StatementEntryView['suggestion']>['reason']) {
  if (reason.code === 'fik_payment_id') return `FI payment ID ${reason.paymentId}`
  if (reason.code === 'invoice_number') {
    return `invoice number ${reason.invoiceNumbers.join(', ')} in the text`
  }
  const how = reason.by === 'same_name' ? 'payer named' : 'text naming'
  return `the open amount from a ${how} ${reason.memberName}`
}
