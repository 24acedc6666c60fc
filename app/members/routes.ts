import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'

const OrganisationsController = () => import('#members/controllers/organisations_controller')
const MembershipStatusController = () => import('#members/controllers/membership_status_controller')
const ContactsController = () => import('#members/controllers/contacts_controller')
const ContactPrivacyController = () => import('#members/controllers/contact_privacy_controller')
const NameChangeDecisionController = () =>
  import('#members/controllers/name_change_decision_controller')
const MemberImportController = () => import('#members/controllers/member_import_controller')
const MemberExportController = () => import('#members/controllers/member_export_controller')

router
  .group(() => {
    router.get('/members', [OrganisationsController, 'index'])
    router.get('/members/new', [OrganisationsController, 'create'])
    router.get('/members/import', [MemberImportController, 'create'])
    router
      .post('/members/import/preview', [MemberImportController, 'preview'])
      .use(middleware.upload({ limit: '11mb' }))
    router.post('/members/import/review', [MemberImportController, 'review'])
    router.post('/members/import', [MemberImportController, 'store'])
    router.get('/members/export', [MemberExportController, 'show'])
    router.post('/members', [OrganisationsController, 'store'])
    router.get('/members/:id', [OrganisationsController, 'show'])
    router.get('/members/:id/edit', [OrganisationsController, 'edit'])
    router.put('/members/:id', [OrganisationsController, 'update'])
    router.post('/members/:id/status', [MembershipStatusController, 'store'])
    router.post('/members/:id/name-requests/:requestId', [NameChangeDecisionController, 'store'])
    router.post('/members/:id/contacts', [ContactsController, 'store'])
    router.put('/members/:id/contacts/:contactId', [ContactsController, 'update'])
    router.delete('/members/:id/contacts/:contactId', [ContactsController, 'destroy'])
    router.get('/members/:id/contacts/:contactId/data', [ContactPrivacyController, 'export'])
    router.post('/members/:id/contacts/:contactId/erasure', [ContactPrivacyController, 'erase'])
  })
  .where('id', router.matchers.number())
  .where('contactId', router.matchers.number())
  .where('requestId', router.matchers.number())
  .use(middleware.auth())
