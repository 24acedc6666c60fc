import type { HttpContext } from '@adonisjs/core/http'
import DuesPolicy from '#dues/policies/dues_policy'
import {
  bankMappingValidator,
  bankUploadValidator,
  confirmedValidator,
} from '#dues/validators/bank'
import {
  ImportBankStatement,
  type ImportBankStatementResult,
} from '#dues/actions/import_bank_statement'
import { ApplySureBankMatches } from '#dues/actions/apply_sure_bank_matches'
import {
  BANK_COLUMN_ROLES,
  bankMappingFromRoles,
  saveBankColumnRoles,
  savedBankColumnRoles,
} from '#dues/bank/bank_column_mappings'
import {
  getStatementReconciliation,
  listBankStatements,
} from '#dues/queries/statement_reconciliation'
import { booksClosedThrough } from '#dues/rules/closed_books'
import {
  reconciliationPdfFilename,
  renderReconciliationPdf,
} from '#dues/documents/reconciliation_pdf'
import { getAssociationSettings } from '#association/queries/get_association_settings'
import { discardParkedUpload, parkUpload, readParkedUpload } from '#shared/csv/parked_uploads'
import { staffActor } from '#audit/request_actor'
import { danishNow, danishToday } from '#shared/danish_time'

/** How many sure matches one request pays; a bigger statement continues page by page. */
const APPLY_BATCH = 100

/**
 * Bank statements: upload one, see it reconciled, pay its sure matches in
 * one click, and hand the auditor the report.
 */
export default class BankStatementsController {
  async index({ view, bouncer }: HttpContext) {
    await bouncer.with(DuesPolicy).authorize('view')
    return view.render('dues/bank/index', await indexData())
  }

  async store(ctx: HttpContext) {
    await ctx.bouncer.with(DuesPolicy).authorize('edit')
    const { file } = await ctx.request.validateUsing(bankUploadValidator)
    const upload = await parkUpload(file.tmpPath!)
    return this.importParked(ctx, upload, file.clientName)
  }

  /** The columns of an unknown bank's CSV, named once and remembered; then the import runs. */
  async storeWithMapping(ctx: HttpContext) {
    await ctx.bouncer.with(DuesPolicy).authorize('edit')
    const input = await ctx.request.validateUsing(bankMappingValidator)
    await saveBankColumnRoles(input.columns)
    return this.importParked(ctx, input.upload, input.file_name)
  }

  async show({ params, view, bouncer, response }: HttpContext) {
    await bouncer.with(DuesPolicy).authorize('view')
    const reconciliation = await getStatementReconciliation(Number(params.id))
    if (!reconciliation) return response.notFound()
    return view.render('dues/bank/statement', {
      ...reconciliation,
      closedThrough: await booksClosedThrough(),
      progress: null,
    })
  }

  /** One batch of sure matches; while some remain the page shows how far it got and goes on. */
  async applySure({ params, view, bouncer, auth, request, response, session, i18n }: HttpContext) {
    await bouncer.with(DuesPolicy).authorize('edit')
    await request.validateUsing(confirmedValidator)
    const statementId = Number(params.id)
    const result = await new ApplySureBankMatches().handle(
      { statementId, limit: APPLY_BATCH },
      staffActor({ auth, request })
    )
    const reconciliation = await getStatementReconciliation(statementId)
    if (!reconciliation) return response.notFound()
    if (result.remaining > 0) {
      return view.render('dues/bank/statement', {
        ...reconciliation,
        closedThrough: await booksClosedThrough(),
        // Booked sure matches join the matched ones, so the bar runs over every batch alike.
        progress: {
          done: reconciliation.matched.count,
          total: reconciliation.matched.count + reconciliation.sure.count,
        },
      })
    }
    session.flash(
      result.refused ? 'error' : 'success',
      i18n.t(result.refused ? 'dues.bank.sure_refused' : 'dues.bank.sure_applied', {
        applied: result.applied,
        refused: result.refused,
      })
    )
    return response.redirect().toRoute('bank_statements.show', { id: statementId })
  }

  async report({ params, bouncer, response }: HttpContext) {
    await bouncer.with(DuesPolicy).authorize('view')
    const reconciliation = await getStatementReconciliation(Number(params.id))
    if (!reconciliation) return response.notFound()
    const settings = await getAssociationSettings()
    const pdf = await renderReconciliationPdf(
      reconciliation,
      { name: settings.name, cvr: settings.cvr },
      danishNow()
    )
    response.header('content-type', 'application/pdf')
    response.header(
      'content-disposition',
      `attachment; filename="${reconciliationPdfFilename(reconciliation.statement)}"`
    )
    return response.send(pdf)
  }

  private async importParked(ctx: HttpContext, upload: string, fileName: string) {
    const { view, session, response, auth, request, i18n } = ctx
    const content = await readParkedUpload(upload)
    if (!content) {
      session.flash('error', i18n.t('dues.bank.expired'))
      return response.redirect().toRoute('bank_statements.index')
    }
    const roles = await savedBankColumnRoles()
    const result: ImportBankStatementResult = await new ImportBankStatement().handle(
      {
        file: content,
        fileName,
        dryRun: false,
        mappingFor: (headers) => bankMappingFromRoles(headers, roles),
      },
      staffActor({ auth, request })
    )
    switch (result.status) {
      case 'needs_mapping':
        return view.render('dues/bank/index', {
          ...(await indexData()),
          mapping: { upload, fileName, headers: result.headers, roles: BANK_COLUMN_ROLES },
        })
      case 'unreadable':
        await discardParkedUpload(upload)
        session.flash('error', problemMessage(result, i18n))
        return response.redirect().toRoute('bank_statements.index')
      case 'conflict':
        session.flash('error', i18n.t('dues.bank.conflict'))
        return response.redirect().toRoute('bank_statements.index')
      case 'previewed':
        return response.redirect().toRoute('bank_statements.index')
      case 'imported':
        await discardParkedUpload(upload)
        session.flash(
          'success',
          i18n.t('dues.bank.imported', { new: result.newEntries, known: result.knownEntries })
        )
        return response.redirect().toRoute('bank_statements.show', { id: result.statementId })
    }
  }
}

async function indexData() {
  return {
    statements: await listBankStatements(),
    closedThrough: await booksClosedThrough(),
    yesterday: danishToday().minus({ days: 1 }).toISODate(),
    mapping: null,
  }
}

function problemMessage(
  result: Extract<ImportBankStatementResult, { status: 'unreadable' }>,
  i18n: HttpContext['i18n']
) {
  if (result.problem === 'spreadsheet') {
    const reason = i18n.t(`spreadsheet.reasons.${result.reason}`, result.params ?? {})
    return i18n.t('dues.bank.problems.spreadsheet', { line: result.line ?? '', reason })
  }
  const problem = i18n.t(`dues.bank.problems.${result.problem}`)
  return result.line
    ? i18n.t('dues.bank.problem_at_line', { line: result.line, problem })
    : i18n.t('dues.bank.problem', { problem })
}
