import type { HttpContext } from '@adonisjs/core/http'
import NewsletterList from '#newsletters/models/newsletter_list'
import { errors as lucidErrors } from '@adonisjs/lucid'
import { currentConsentText } from '#newsletters/queries/current_consent_text'
import { subscribeValidator } from '#newsletters/validators/newsletters'
import { RequestSubscription } from '#newsletters/actions/request_subscription'
import { ConfirmSubscription } from '#newsletters/actions/confirm_subscription'
import { getAssociationSettings } from '#association/queries/get_association_settings'
import { requestOrigin } from '#audit/request_actor'

/** The public subscribe form of a list, and the double opt-in confirmation. */
export default class SubscribeController {
  async show({ params, view }: HttpContext) {
    const { list, consent } = await publicListWithConsent(params.slug)
    return view.render('newsletters/subscribe', {
      list,
      consent,
      association: await getAssociationSettings(),
    })
  }

  async store({ params, request, response, session, i18n }: HttpContext) {
    const list = await NewsletterList.query()
      .where('slug', params.slug)
      .where('is_public', true)
      .firstOrFail()
    const input = await request.validateUsing(subscribeValidator)
    await new RequestSubscription().handle({
      listId: list.id,
      email: input.email,
      name: input.name ?? null,
      source: 'form',
      ...requestOrigin(request),
    })
    // The same words whatever happened, so the form reveals no one's subscriptions.
    session.flash('success', i18n.t('newsletters.subscribe.check_mail'))
    return response.redirect().toRoute('subscribe.show', { slug: list.slug })
  }

  /**
   * The form for the association's own website, in an iframe. A page framed
   * on another site gets no session cookie, so the POST carries no CSRF
   * token; the double opt-in is what protects it, and the rate limit.
   */
  async showEmbedded({ params, view, response }: HttpContext) {
    const { list, consent } = await publicListWithConsent(params.slug)
    allowFramingAnywhere(response)
    return view.render('newsletters/subscribe_embedded', { list, consent, done: false })
  }

  async storeEmbedded({ params, request, view, response }: HttpContext) {
    const { list, consent } = await publicListWithConsent(params.slug)
    allowFramingAnywhere(response)
    const [errors, input] = await subscribeValidator.tryValidate(request.all())
    if (errors) {
      response.status(422)
      return view.render('newsletters/subscribe_embedded', {
        list,
        consent,
        done: false,
        problems: errors.messages.map((problem: { field: string }) => problem.field),
        old: request.only(['email', 'name', 'consent']),
      })
    }
    await new RequestSubscription().handle({
      listId: list.id,
      email: input.email,
      name: input.name ?? null,
      source: 'form',
      ...requestOrigin(request),
    })
    return view.render('newsletters/subscribe_embedded', { list, consent, done: true })
  }

  /** Opening the link shows a button: a mail scanner fetching it must not give consent. */
  async showConfirm({ params, view }: HttpContext) {
    return view.render('newsletters/confirm', { token: params.token })
  }

  async confirm({ params, request, view, response, session, i18n }: HttpContext) {
    const result = await new ConfirmSubscription().handle({
      token: params.token,
      ...requestOrigin(request),
    })
    if (result.status === 'invalid_link') {
      session.flash('error', i18n.t('newsletters.subscribe.link_invalid'))
      return response.redirect().toRoute('subscribe.show_confirm', { token: params.token })
    }
    return view.render('newsletters/confirmed', { list: result.subscription.list })
  }
}

async function publicListWithConsent(slug: string) {
  const list = await NewsletterList.query()
    .where('slug', slug)
    .where('is_public', true)
    .firstOrFail()
  const consent = await currentConsentText(list.id)
  if (!consent) throw new lucidErrors.E_ROW_NOT_FOUND()
  return { list, consent }
}

function allowFramingAnywhere(response: HttpContext['response']) {
  response.removeHeader('X-Frame-Options')
  response.header(
    'Content-Security-Policy',
    "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; form-action 'self'; frame-ancestors *"
  )
}
