import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'
import { linkToken } from '#shared/route_params'
import {
  applicationThrottle,
  memberLinkAddressThrottle,
  memberLinkIpThrottle,
} from '#start/limiter'

const MembershipApplicationController = () =>
  import('#members/controllers/membership_application_controller')
const PortalSessionController = () =>
  import('#members/controllers/portal/portal_session_controller')
const PortalOrganisationController = () =>
  import('#members/controllers/portal/portal_organisation_controller')
const PortalNameChangeController = () =>
  import('#members/controllers/portal/portal_name_change_controller')
const PortalContactsController = () =>
  import('#members/controllers/portal/portal_contacts_controller')
const PortalNewslettersController = () =>
  import('#members/controllers/portal/portal_newsletters_controller')
const PortalRecipientsController = () =>
  import('#members/controllers/portal/portal_recipients_controller')
const PortalHistoryController = () =>
  import('#members/controllers/portal/portal_history_controller')

router.get('/bliv-medlem', [MembershipApplicationController, 'create'])
router.post('/bliv-medlem', [MembershipApplicationController, 'store']).use(applicationThrottle)

router.get('/medlem', [PortalSessionController, 'show'])
router
  .post('/medlem', [PortalSessionController, 'requestLink'])
  .use([memberLinkIpThrottle, memberLinkAddressThrottle])
router
  .group(() => {
    router.get('/medlem/login/:token', [PortalSessionController, 'showLink'])
    router
      .post('/medlem/login/:token', [PortalSessionController, 'login'])
      .use(memberLinkIpThrottle)
  })
  .where('token', linkToken)

// An applicant's own pages: its application and its details.
router
  .group(() => {
    router.post('/medlem/logout', [PortalSessionController, 'logout'])
    router.get('/medlem/organisation', [PortalOrganisationController, 'show'])
    router.put('/medlem/organisation', [PortalOrganisationController, 'update'])
    router.post('/medlem/name-change', [PortalNameChangeController, 'store'])
    router.post('/medlem/contacts', [PortalContactsController, 'store'])
    router.put('/medlem/contacts/:contactId', [PortalContactsController, 'update'])
    router.delete('/medlem/contacts/:contactId', [PortalContactsController, 'destroy'])
    router.get('/medlem/historik', [PortalHistoryController, 'index'])
  })
  .where('contactId', router.matchers.number())
  .use(middleware.member({ applicants: true }))

// Members only: the members' newsletters.
router
  .group(() => {
    router.get('/medlem/nyhedsbreve', [PortalNewslettersController, 'show'])
    router.post('/medlem/nyhedsbreve/:listId', [PortalNewslettersController, 'subscribe'])
    router.delete('/medlem/nyhedsbreve/:listId', [PortalNewslettersController, 'unsubscribe'])
    router.put('/medlem/nyhedsbreve/modtagere/:contactId', [PortalRecipientsController, 'update'])
    router.delete('/medlem/nyhedsbreve/modtagere/:contactId', [
      PortalRecipientsController,
      'destroy',
    ])
  })
  .where('listId', router.matchers.number())
  .where('contactId', router.matchers.number())
  .use(middleware.member())
