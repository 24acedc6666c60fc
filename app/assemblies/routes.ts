import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'

const AssembliesController = () => import('#assemblies/controllers/assemblies_controller')
const RegisterController = () => import('#assemblies/controllers/register_controller')
const BallotsController = () => import('#assemblies/controllers/ballots_controller')
const DelegateController = () => import('#assemblies/controllers/delegate_controller')

router.get('/gf/:token', [DelegateController, 'show'])
router.post('/gf/:token/attendance', [DelegateController, 'checkIn'])
router
  .post('/gf/:token/ballots/:ballotId/vote', [DelegateController, 'vote'])
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
    router.post('/assemblies/:id/notice', [AssembliesController, 'sendNotice'])
    router.get('/assemblies/:id/notice/pdf', [AssembliesController, 'noticePdf'])
    router.post('/assemblies/:id/motions', [AssembliesController, 'storeMotion'])

    router.get('/assemblies/:id/register', [RegisterController, 'show'])
    router.post('/assemblies/:id/attendance', [RegisterController, 'checkIn'])
    router.post('/assemblies/:id/proxies', [RegisterController, 'proxy'])

    router.get('/assemblies/:id/chair', [BallotsController, 'chair'])
    router.post('/assemblies/:id/ballots', [BallotsController, 'store'])
    router.post('/assemblies/:id/ballots/:ballotId/open', [BallotsController, 'open'])
    router.post('/assemblies/:id/ballots/:ballotId/close', [BallotsController, 'close'])
    router.get('/assemblies/:id/ballots/:ballotId/status', [BallotsController, 'status'])
  })
  .where('id', router.matchers.number())
  .where('itemId', router.matchers.number())
  .where('ballotId', router.matchers.number())
  .use(middleware.auth())
