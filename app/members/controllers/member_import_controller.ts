import type { HttpContext } from '@adonisjs/core/http'
import MemberPolicy from '#members/policies/member_policy'
import { importConfirmValidator, importUploadValidator } from '#members/validators/import'
import { ImportMembers } from '#members/actions/import_members'
import { describeProblem } from '#shared/csv/describe_problem'
import { discardParkedUpload, parkUpload, readParkedUpload } from '#shared/csv/parked_uploads'
import { Actors } from '#audit/actor'

/** The import page: upload, see every problem or what will happen, confirm. */
export default class MemberImportController {
  async create({ view, bouncer }: HttpContext) {
    await bouncer.with(MemberPolicy).authorize('edit')
    return view.render('members/import')
  }

  async preview({ request, view, auth, bouncer, i18n }: HttpContext) {
    await bouncer.with(MemberPolicy).authorize('edit')
    const { file } = await request.validateUsing(importUploadValidator)
    const upload = await parkUpload(file.tmpPath!)
    const result = await new ImportMembers().handle(
      { file: (await readParkedUpload(upload))!, fileName: file.clientName, dryRun: true },
      Actors.user(auth.use('web').getUserOrFail(), request.ip())
    )
    if (result.status === 'invalid') await discardParkedUpload(upload)
    return view.render('members/import', {
      result,
      upload,
      fileName: file.clientName,
      problems:
        result.status === 'invalid'
          ? result.problems.map((problem) => describeProblem(problem, i18n))
          : [],
    })
  }

  async store({ request, response, session, auth, bouncer, i18n }: HttpContext) {
    await bouncer.with(MemberPolicy).authorize('edit')
    const { upload, file_name: fileName } = await request.validateUsing(importConfirmValidator)
    const content = await readParkedUpload(upload)
    if (!content) {
      session.flash('error', i18n.t('members.import.expired'))
      return response.redirect().toPath('/members/import')
    }
    const result = await new ImportMembers().handle(
      { file: content, fileName, dryRun: false },
      Actors.user(auth.use('web').getUserOrFail(), request.ip())
    )
    await discardParkedUpload(upload)
    if (result.status === 'invalid') {
      // The register changed between the preview and the confirmation.
      session.flash(
        'error',
        result.problems.map((problem) => describeProblem(problem, i18n)).join(' · ')
      )
      return response.redirect().toPath('/members/import')
    }
    const count = result.summary.created.length + result.summary.updated.length
    session.flash('success', i18n.t('members.import.done', { count }))
    return response.redirect().toPath('/members')
  }
}
