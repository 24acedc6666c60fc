import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'
import { linkToken } from '#shared/route_params'
import {
  loginIpThrottle,
  loginThrottle,
  newPasswordThrottle,
  passwordResetAddressThrottle,
  passwordResetThrottle,
} from '#start/limiter'

const SessionController = () => import('#identity/controllers/session_controller')
const PasswordResetController = () => import('#identity/controllers/password_reset_controller')
const AccountController = () => import('#identity/controllers/account_controller')
const LocaleController = () => import('#identity/controllers/locale_controller')
const StaffController = () => import('#identity/controllers/staff_controller')

router
  .group(() => {
    router.get('/login', [SessionController, 'create'])
    router.post('/login', [SessionController, 'store']).use([loginIpThrottle, loginThrottle])
    router.get('/forgot-password', [PasswordResetController, 'create'])
    router
      .post('/forgot-password', [PasswordResetController, 'store'])
      .use([passwordResetThrottle, passwordResetAddressThrottle])
  })
  .use(middleware.guest())

// Reachable logged in too: an invitation may be opened in a browser where someone else is logged in.
router
  .group(() => {
    router.get('/reset-password/:token', [PasswordResetController, 'edit'])
    router
      .post('/reset-password/:token', [PasswordResetController, 'update'])
      .use(newPasswordThrottle)
  })
  .where('token', linkToken)
router.post('/locale', [LocaleController, 'update'])

router
  .group(() => {
    router.post('/logout', [SessionController, 'destroy'])
    router.get('/account', [AccountController, 'show'])
    router.put('/account/password', [AccountController, 'updatePassword'])
    router.delete('/account/sessions', [AccountController, 'endOtherSessions'])

    router.get('/staff', [StaffController, 'index'])
    router.post('/staff', [StaffController, 'store'])
    router.get('/staff/:id/edit', [StaffController, 'edit'])
    router.put('/staff/:id', [StaffController, 'update'])
    router.post('/staff/:id/invitation', [StaffController, 'resendInvitation'])
    router.delete('/staff/:id/sessions', [StaffController, 'endSessions'])
  })
  .where('id', router.matchers.number())
  .use(middleware.auth())
