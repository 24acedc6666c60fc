import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'
import { linkToken, listSlug, readerToken } from '#shared/route_params'
import { forwardIpThrottle, forwardReaderThrottle, subscribeThrottle } from '#start/limiter'
import { mediaFile, mediaKey } from '#newsletters/media/media_params'

const SubscribeController = () => import('#newsletters/controllers/subscribe_controller')
const NewsletterListsController = () =>
  import('#newsletters/controllers/newsletter_lists_controller')
const SubscribersController = () => import('#newsletters/controllers/subscribers_controller')
const IssuesController = () => import('#newsletters/controllers/issues_controller')
const IssueTemplatesController = () => import('#newsletters/controllers/issue_templates_controller')
const IssuePresenceController = () => import('#newsletters/controllers/issue_presence_controller')
const IssueVersionsController = () => import('#newsletters/controllers/issue_versions_controller')
const SubscriberImportController = () =>
  import('#newsletters/controllers/subscriber_import_controller')
const UnsubscribeController = () => import('#newsletters/controllers/unsubscribe_controller')
const MailEventsController = () => import('#newsletters/controllers/mail_events_controller')
const IssueSendingController = () => import('#newsletters/controllers/issue_sending_controller')
const SubscriberErasureController = () =>
  import('#newsletters/controllers/subscriber_erasure_controller')
const SendConfirmationController = () =>
  import('#newsletters/controllers/send_confirmation_controller')
const WebVersionController = () => import('#newsletters/controllers/web_version_controller')
const ShareController = () => import('#newsletters/controllers/share_controller')

// A reader's signed links, in every copy of an issue.
router
  .group(() => {
    router.get('/u/:token', [UnsubscribeController, 'show'])
    router.post('/u/:token', [UnsubscribeController, 'oneClick'])
    router.post('/u/:token/preferences', [UnsubscribeController, 'preferences'])
    router.get('/del/:token', [ShareController, 'show'])
    router.post('/del/:token/tilmeld', [ShareController, 'subscribe']).use(subscribeThrottle)
    router.get('/del/:token/videresend', [ShareController, 'showForward'])
    router
      .post('/del/:token/videresend', [ShareController, 'forward'])
      .use([forwardReaderThrottle, forwardIpThrottle])
  })
  .where('token', readerToken)

router.post('/webhooks/mail-events', [MailEventsController, 'store'])

router
  .get('/nyhedsbrev/udgave/:id', [WebVersionController, 'show'])
  .where('id', router.matchers.number())

router
  .group(() => {
    router.get('/nyhedsbrev/bekraeft/:token', [SubscribeController, 'showConfirm'])
    router
      .post('/nyhedsbrev/bekraeft/:token', [SubscribeController, 'confirm'])
      .use(subscribeThrottle)
  })
  .where('token', linkToken)

router
  .group(() => {
    router.get('/nyhedsbrev/:slug/arkiv', [WebVersionController, 'archive'])
    router.get('/nyhedsbrev/:slug/indlejret', [SubscribeController, 'showEmbedded'])
    router
      .post('/nyhedsbrev/:slug/indlejret', [SubscribeController, 'storeEmbedded'])
      .use(subscribeThrottle)
    router.get('/nyhedsbrev/:slug', [SubscribeController, 'show'])
    router.post('/nyhedsbrev/:slug', [SubscribeController, 'store']).use(subscribeThrottle)
  })
  .where('slug', listSlug)

router
  .group(() => {
    router.get('/newsletters', [NewsletterListsController, 'index'])
    router.get('/newsletters/lists/new', [NewsletterListsController, 'create'])
    router.post('/newsletters/lists', [NewsletterListsController, 'store'])
    router.get('/newsletters/lists/:id/edit', [NewsletterListsController, 'edit'])
    router.put('/newsletters/lists/:id', [NewsletterListsController, 'update'])

    router.get('/newsletters/issues', [IssuesController, 'index'])
    router.get('/newsletters/issues/new', [IssuesController, 'create'])
    router.post('/newsletters/issues', [IssuesController, 'store'])
    router.post('/newsletters/issues/preview', [IssuesController, 'preview'])
    router.get('/newsletters/issues/:id/edit', [IssuesController, 'edit'])
    router.put('/newsletters/issues/:id', [IssuesController, 'update'])
    router.post('/newsletters/issues/:id/duplicate', [IssuesController, 'duplicate'])
    router.post('/newsletters/issues/:id/presence', [IssuePresenceController, 'store'])
    router.post('/newsletters/issues/:id/restore', [IssueVersionsController, 'restore'])
    router.get('/newsletters/issues/start', [IssueTemplatesController, 'choose'])
    router.post('/newsletters/issues/start', [IssueTemplatesController, 'start'])
    router.post('/newsletters/issues/:id/template', [IssueTemplatesController, 'store'])
    router.delete('/newsletters/templates/:id', [IssueTemplatesController, 'destroy'])
    router.post('/newsletters/issues/:id/test', [IssuesController, 'sendTest'])
    router.get('/newsletters/issues/:id', [IssueSendingController, 'show'])
    router.get('/newsletters/issues/:id/progress', [IssueSendingController, 'progress'])
    router.get('/newsletters/issues/:id/send', [SendConfirmationController, 'show'])
    router.get('/newsletters/issues/:id/recipients', [SendConfirmationController, 'recipients'])
    router.post('/newsletters/issues/:id/send', [IssueSendingController, 'send'])
    router.post('/newsletters/issues/:id/pause', [IssueSendingController, 'pause'])
    router.post('/newsletters/issues/:id/resume', [IssueSendingController, 'resume'])
    router.post('/newsletters/issues/:id/cancel', [IssueSendingController, 'cancel'])

    router.get('/newsletters/import', [SubscriberImportController, 'create'])
    router
      .post('/newsletters/import/preview', [SubscriberImportController, 'preview'])
      .use(middleware.upload({ limit: '11mb' }))
    router.post('/newsletters/import', [SubscriberImportController, 'store'])

    router.get('/newsletters/subscribers', [SubscribersController, 'index'])
    router.get('/newsletters/subscribers/:id', [SubscribersController, 'show'])
    router.get('/newsletters/subscribers/:id/edit', [SubscribersController, 'edit'])
    router.put('/newsletters/subscribers/:id', [SubscribersController, 'update'])
    router.get('/newsletters/subscribers/:id/data', [SubscribersController, 'exportData'])
    router.get('/newsletters/subscribers/:id/erasure', [SubscriberErasureController, 'show'])
    router.post('/newsletters/subscribers/:id/erasure', [SubscribersController, 'erase'])
  })
  .where('id', router.matchers.number())
  .use(middleware.auth())

/*
| The media library. Its images are public at /media/<key>/<width>.<ext>,
| the address sent mail links to; the library itself is staff only.
*/
const MediaLibraryController = () => import('#newsletters/controllers/media_library_controller')
const MediaFilesController = () => import('#newsletters/controllers/media_files_controller')

router
  .get('/media/:key/:file', [MediaFilesController, 'show'])
  .where('key', mediaKey)
  .where('file', mediaFile)

router
  .group(() => {
    router.get('/newsletters/media', [MediaLibraryController, 'index'])
    router.get('/newsletters/media.json', [MediaLibraryController, 'search'])
    router
      .post('/newsletters/media', [MediaLibraryController, 'store'])
      .use(middleware.upload({ limit: '11mb' }))
    router.put('/newsletters/media/:id/alt-text', [MediaLibraryController, 'describe'])
    router.delete('/newsletters/media/:id', [MediaLibraryController, 'destroy'])
  })
  .where('id', router.matchers.number())
  .use(middleware.auth())
