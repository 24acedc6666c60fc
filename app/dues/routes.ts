import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'

const DuesController = () => import('#dues/controllers/dues_controller')
const DuesRunsController = () => import('#dues/controllers/dues_runs_controller')
const BookkeepingController = () => import('#dues/controllers/bookkeeping_controller')
const FeesController = () => import('#dues/controllers/fees_controller')
const InvoicesController = () => import('#dues/controllers/invoices_controller')
const BankStatementsController = () => import('#dues/controllers/bank_statements_controller')
const BankEntriesController = () => import('#dues/controllers/bank_entries_controller')
const BooksController = () => import('#dues/controllers/books_controller')
const PortalInvoicesController = () => import('#dues/controllers/portal_invoices_controller')

router
  .group(() => {
    router.get('/dues', [DuesController, 'overview'])
    // Each mass action: a confirmation page (GET) that writes nothing, then the confirmed run.
    router
      .get('/dues/generate', [DuesRunsController, 'confirmGenerate'])
      .as('dues.confirm_generate')
    router.post('/dues/generate', [DuesRunsController, 'generate']).as('dues.generate')
    router.get('/dues/remind', [DuesRunsController, 'confirmRemind']).as('dues.confirm_remind')
    router.post('/dues/remind', [DuesRunsController, 'remind']).as('dues.remind')
    router.get('/dues/runs/:id', [DuesRunsController, 'show']).as('dues_runs.show')
    router.get('/dues/export', [DuesController, 'export'])
    router.get('/dues/bookkeeping', [BookkeepingController, 'download'])

    router.get('/dues/fees', [FeesController, 'index'])
    router.post('/dues/fees', [FeesController, 'storeFee'])
    router.post('/dues/tiers', [FeesController, 'storeTier'])
    router.put('/dues/settings', [FeesController, 'saveSettings'])

    router.get('/dues/invoices', [InvoicesController, 'index'])
    router.get('/dues/invoices/:id', [InvoicesController, 'show'])
    router.get('/dues/invoices/:id/pdf', [InvoicesController, 'pdf'])
    router.get('/dues/invoices/:id/oioubl', [InvoicesController, 'oioubl'])
    router.post('/dues/invoices/:id/payments', [InvoicesController, 'recordPayment'])
    router.get('/dues/invoices/:id/credit', [InvoicesController, 'confirmCredit'])
    router.post('/dues/invoices/:id/credit', [InvoicesController, 'credit'])
    router.post('/dues/invoices/:id/send', [InvoicesController, 'resend'])
    router.post('/dues/organisations/:id/invoices', [InvoicesController, 'issueForOrganisation'])

    router.get('/dues/bank', [BankStatementsController, 'index'])
    router
      .post('/dues/bank/statements', [BankStatementsController, 'store'])
      .use(middleware.upload({ limit: '21mb' }))
    router.post('/dues/bank/mapping', [BankStatementsController, 'storeWithMapping'])
    router.get('/dues/bank/statements/:id', [BankStatementsController, 'show'])
    router.get('/dues/bank/statements/:id/report', [BankStatementsController, 'report'])
    router.post('/dues/bank/statements/:id/sure-matches', [BankStatementsController, 'applySure'])
    const entry = '/dues/bank/statements/:id/entries/:entryId'
    router.get(entry, [BankEntriesController, 'show'])
    router.post(`${entry}/match`, [BankEntriesController, 'match'])
    router.post(`${entry}/not-dues`, [BankEntriesController, 'markNotDues'])
    router.post(`${entry}/reopen`, [BankEntriesController, 'reopen'])
    router.post(`${entry}/undo`, [BankEntriesController, 'undo'])
    router.post('/dues/books/close', [BooksController, 'close'])
  })
  .where('id', router.matchers.number())
  .where('entryId', router.matchers.number())
  .use(middleware.auth())

router
  .group(() => {
    router.get('/medlem/fakturaer', [PortalInvoicesController, 'index'])
    router.get('/medlem/fakturaer/:invoiceId/pdf', [PortalInvoicesController, 'pdf'])
  })
  .where('invoiceId', router.matchers.number())
  .use(middleware.member())
