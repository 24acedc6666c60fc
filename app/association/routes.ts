import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'

const DashboardController = () => import('#association/controllers/dashboard_controller')
const SettingsController = () => import('#association/controllers/settings_controller')
const LogoController = () => import('#association/controllers/logo_controller')

router.get('/association/logo', [LogoController, 'show'])

router
  .group(() => {
    router.get('/', [DashboardController, 'show'])
    router.get('/settings', [SettingsController, 'edit'])
    router.put('/settings', [SettingsController, 'update']).use(middleware.upload({ limit: '2mb' }))
  })
  .use(middleware.auth())
