import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'
import { linkToken } from '#shared/route_params'

const AssembliesController = () => import('#assemblies/controllers/assemblies_controller')
const RegisterController = () => import('#assemblies/controllers/register_controller')
const BallotsController = () => import('#assemblies/controllers/ballots_controller')
const DelegateController = () => import('#assemblies/controllers/delegate_controller')
const MinutesController = () => import('#assemblies/controllers/minutes_controller')
const NoticeConfirmationController = () =>
  import('#assemblies/controllers/notice_confirmation_controller')
const AssemblyClosingController = () =>
  import('#assemblies/controllers/assembly_closing_controller')

// Links without a login: the dirigent's and referent's signing link, a delegate's personal link.
router
  .group(() => {
    router.get('/referat/:token', [MinutesController, 'showSigning'])
    router.post('/referat/:token', [MinutesController, 'signFromLink'])
    router.get('/referat/:token/pdf', [MinutesController, 'signingPdf'])
    router.get('/gf/:token', [DelegateController, 'show'])
    router.post('/gf/:token/attendance', [DelegateController, 'checkIn'])
    router.post('/gf/:token/ballots/:ballotId/vote', [DelegateController, 'vote'])
    router.post('/gf/:token/ballots/:ballotId/secret', [DelegateController, 'requestSecret'])
  })
  .where('token', linkToken)
  .where('ballotId', router.matchers.number())

router
  .group(() => {
    router.get('/assemblies', [AssembliesController, 'index'])
    router.get('/assemblies/new', [AssembliesController, 'create'])
    router.post('/assemblies', [AssembliesController, 'store'])
    router.get('/assemblies/:id', [AssembliesController, 'show'])
    router.put('/assemblies/:id', [AssembliesController, 'update'])
    router.post('/assemblies/:id/agenda', [AssembliesController, 'addAgendaItem'])
    router.post('/assemblies/:id/agenda/:itemId/move', [AssembliesController, 'moveAgendaItem'])
    router.delete('/assemblies/:id/agenda/:itemId', [AssembliesController, 'removeAgendaItem'])
    router.get('/assemblies/:id/notice', [NoticeConfirmationController, 'show'])
    router.post('/assemblies/:id/notice', [AssembliesController, 'sendNotice'])
    router.get('/assemblies/:id/notice/pdf', [AssembliesController, 'noticePdf'])
    router.post('/assemblies/:id/motions', [AssembliesController, 'storeMotion'])

    router.get('/assemblies/:id/register', [RegisterController, 'show'])
    router.get('/assemblies/:id/register/pdf', [RegisterController, 'pdf'])
    router.post('/assemblies/:id/attendance', [RegisterController, 'checkIn'])
    router.post('/assemblies/:id/proxies', [RegisterController, 'proxy'])

    router.get('/assemblies/:id/chair', [BallotsController, 'chair'])
    router.post('/assemblies/:id/ballots', [BallotsController, 'store'])
    router.post('/assemblies/:id/ballots/:ballotId/open', [BallotsController, 'open'])
    router.post('/assemblies/:id/ballots/:ballotId/close', [BallotsController, 'close'])
    router.get('/assemblies/:id/ballots/:ballotId/status', [BallotsController, 'status'])

    router.get('/assemblies/:id/close', [AssemblyClosingController, 'show'])
    router.post('/assemblies/:id/close', [AssemblyClosingController, 'store'])
    router.get('/assemblies/:id/minutes', [MinutesController, 'show'])
    router.put('/assemblies/:id/minutes', [MinutesController, 'save'])
    router.post('/assemblies/:id/minutes/sign', [MinutesController, 'sign'])
    router.post('/assemblies/:id/minutes/links', [MinutesController, 'sendLinks'])
    router.get('/assemblies/:id/minutes/pdf', [MinutesController, 'pdf'])
  })
  .where('id', router.matchers.number())
  .where('itemId', router.matchers.number())
  .where('ballotId', router.matchers.number())
  .use(middleware.auth())

const PortalAssembliesController = () =>
  import('#assemblies/controllers/portal_assemblies_controller')

router
  .group(() => {
    router.get('/medlem/generalforsamlinger', [PortalAssembliesController, 'index'])
    router.post('/medlem/generalforsamlinger/:id/forslag', [
      PortalAssembliesController,
      'submitMotion',
    ])
    router.get('/medlem/generalforsamlinger/:id/referat', [
      PortalAssembliesController,
      'minutesPdf',
    ])
  })
  .where('id', router.matchers.number())
  .use(middleware.member())
