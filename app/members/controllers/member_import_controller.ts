import type { HttpContext } from '@adonisjs/core/http'
import { errors } from '@vinejs/vine'
import MemberPolicy from '#members/policies/member_policy'
import {
  importConfirmValidator,
  importReviewValidator,
  importUploadValidator,
  parkedFileValidator,
} from '#members/validators/import'
import { ImportMembers, type ImportMembersResult } from '#members/actions/import_members'
import { describeImport } from '#members/register_file/describe_import'
import { saveColumnMapping, savedColumnMapping } from '#members/register_file/column_mappings'
import { COLUMN_ORDER, REGISTER_COLUMNS } from '#members/register_file/register_columns'
import { describeProblem } from '#shared/csv/describe_problem'
import { discardParkedUpload, parkUpload, readParkedUpload } from '#shared/csv/parked_uploads'
import { staffActor } from '#audit/request_actor'
import { danishIsoToday } from '#shared/danish_time'
import { showRefusedInput } from '#shared/refused_input'

/**
 * The import page: upload, see every change and every refused row, choose
 * a sheet, name unknown columns and what happens to members the file
 * leaves out, then confirm.
 */
export default class MemberImportController {
  async create({ view, bouncer }: HttpContext) {
    await bouncer.with(MemberPolicy).authorize('edit')
    return view.render('members/import')
  }

  async preview(ctx: HttpContext) {
    await ctx.bouncer.with(MemberPolicy).authorize('edit')
    const { file } = await ctx.request.validateUsing(importUploadValidator)
    const upload = await parkUpload(file.tmpPath!)
    return this.renderPreview(ctx, { upload, fileName: file.clientName, sheet: null })
  }

  async review(ctx: HttpContext) {
    await ctx.bouncer.with(MemberPolicy).authorize('edit')
    const input = await ctx.request.validateUsing(importReviewValidator)
    const named = (input.mapping ?? []).filter((choice) => choice.column)
    if (named.length) {
      await saveColumnMapping(
        Object.fromEntries(named.map((choice) => [choice.header, choice.column]))
      )
    }
    return this.renderPreview(ctx, {
      upload: input.upload,
      fileName: input.file_name,
      sheet: input.sheet ?? null,
    })
  }

  async store(ctx: HttpContext) {
    const { request, response, session, auth, bouncer, i18n } = ctx
    await bouncer.with(MemberPolicy).authorize('edit')
    let input
    try {
      input = await request.validateUsing(importConfirmValidator)
    } catch (error) {
      if (!(error instanceof errors.E_VALIDATION_ERROR)) throw error
      // The preview answered a POST: there is no page to go back to, so it is shown again as sent.
      const parked = await request.validateUsing(parkedFileValidator)
      return this.renderPreview(
        ctx,
        { upload: parked.upload, fileName: parked.file_name, sheet: parked.sheet ?? null },
        { input: request.only(['missing', 'resign_on']), messages: error.messages }
      )
    }
    const content = await readParkedUpload(input.upload)
    if (!content) {
      session.flash('error', i18n.t('members.import.expired'))
      return response.redirect().toRoute('member_import.create')
    }
    const result = await new ImportMembers().handle(
      {
        file: content,
        fileName: input.file_name,
        sheet: input.sheet ?? null,
        dryRun: false,
        missing:
          input.missing === 'resign' && input.resign_on
            ? { action: 'resign', on: input.resign_on.toISOString().slice(0, 10) }
            : { action: 'leave' },
        savedMapping: await savedColumnMapping(),
      },
      staffActor({ auth, request })
    )
    if (result.status !== 'imported') {
      // The register changed between the preview and the confirmation: nothing was written.
      session.flash(
        'error',
        problemsOf(result, i18n).join(' · ') || i18n.t('members.import.nothing_imported')
      )
      return response.redirect().toRoute('member_import.create')
    }
    await discardParkedUpload(input.upload)
    const { counts } = describeImport(result.plan, i18n)
    session.flash(
      'success',
      i18n.t('members.import.done', { ...counts, resigned: result.resigned.length })
    )
    return response.redirect().toRoute('organisations.index')
  }

  private async renderPreview(
    { view, auth, request, response, session, i18n }: HttpContext,
    parked: { upload: string; fileName: string; sheet: string | null },
    refused?: { input: Record<string, unknown>; messages: { field: string; message: string }[] }
  ) {
    const content = await readParkedUpload(parked.upload)
    if (!content) {
      // Kept for a day: a preview left longer starts again from the upload.
      session.flash('error', i18n.t('members.import.expired'))
      return response.redirect().toRoute('member_import.create')
    }
    // The fields read what was sent and its errors where a redirect would have flashed them.
    if (refused) {
      response.status(422)
      showRefusedInput(view, refused.input, refused.messages)
    }
    const result = await new ImportMembers().handle(
      {
        file: content,
        fileName: parked.fileName,
        sheet: parked.sheet,
        dryRun: true,
        savedMapping: await savedColumnMapping(),
      },
      staffActor({ auth, request })
    )
    return view.render('members/import', {
      result,
      upload: parked.upload,
      fileName: parked.fileName,
      sheet: parked.sheet,
      preview: result.plan ? describeImport(result.plan, i18n) : null,
      problems: problemsOf(result, i18n),
      columnChoices: COLUMN_ORDER.map((column) => ({
        value: column,
        label: REGISTER_COLUMNS[column].header,
      })),
      today: danishIsoToday(),
    })
  }
}

function problemsOf(result: ImportMembersResult, i18n: HttpContext['i18n']) {
  return result.status === 'invalid'
    ? result.problems.map((problem) => describeProblem(problem, i18n))
    : []
}
