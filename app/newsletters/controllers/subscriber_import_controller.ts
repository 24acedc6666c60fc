import type { HttpContext } from '@adonisjs/core/http'
import vine from '@vinejs/vine'
import NewsletterList from '#newsletters/models/newsletter_list'
import NewsletterPolicy from '#newsletters/policies/newsletter_policy'
import { ImportSubscribers } from '#newsletters/actions/import_subscribers'
import { importConfirmValidator, importUploadValidator } from '#members/validators/import'
import { describeProblem } from '#shared/csv/describe_problem'
import { discardParkedUpload, parkUpload, readParkedUpload } from '#shared/csv/parked_uploads'
import { staffActor } from '#audit/request_actor'

const listField = vine.create({
  list_id: vine.number().withoutDecimals().exists({ table: 'newsletter_lists', column: 'id' }),
})

/** Subscribers from a file (a plain list or a Mailchimp export): upload, preview, confirm. */
export default class SubscriberImportController {
  async create({ view, bouncer }: HttpContext) {
    await bouncer.with(NewsletterPolicy).authorize('edit')
    return view.render('newsletters/import', {
      lists: await NewsletterList.query().orderBy('name'),
    })
  }

  async preview({ request, view, auth, bouncer, i18n }: HttpContext) {
    await bouncer.with(NewsletterPolicy).authorize('edit')
    const { file } = await request.validateUsing(importUploadValidator)
    const { list_id: listId } = await request.validateUsing(listField)
    const upload = await parkUpload(file.tmpPath!)
    const result = await new ImportSubscribers().handle(
      { listId, file: (await readParkedUpload(upload))!, fileName: file.clientName, dryRun: true },
      staffActor({ auth, request })
    )
    if (result.status === 'invalid') await discardParkedUpload(upload)
    return view.render('newsletters/import', {
      lists: await NewsletterList.query().orderBy('name'),
      listId,
      result,
      upload,
      fileName: file.clientName,
      problems:
        result.status === 'invalid'
          ? result.problems.map((problem) => describeProblem(problem, i18n, 'newsletters.import'))
          : [],
    })
  }

  async store({ request, response, session, auth, bouncer, i18n }: HttpContext) {
    await bouncer.with(NewsletterPolicy).authorize('edit')
    const { upload, file_name: fileName } = await request.validateUsing(importConfirmValidator)
    const { list_id: listId } = await request.validateUsing(listField)
    const content = await readParkedUpload(upload)
    if (!content) {
      session.flash('error', i18n.t('members.import.expired'))
      return response.redirect().toPath('/newsletters/import')
    }
    const result = await new ImportSubscribers().handle(
      { listId, file: content, fileName, dryRun: false },
      staffActor({ auth, request })
    )
    await discardParkedUpload(upload)
    if (result.status === 'invalid') {
      session.flash('error', i18n.t('members.import.nothing_imported'))
      return response.redirect().toPath('/newsletters/import')
    }
    session.flash('success', i18n.t('newsletters.import.done', { count: result.summary.added }))
    return response.redirect().toPath('/newsletters/subscribers')
  }
}
