import db from '@adonisjs/lucid/services/db'
import { danishToday } from '#dues/actions/issue_dues_invoice'
import { ImportBankStatement } from '#dues/actions/import_bank_statement'
import { Actors } from '#audit/actor'
import { camt053 } from '#tests/helpers/bank_statements'
import { TierFactory } from '#database/factories/organisation_factory'
import { UserFactory } from '#database/factories/user_factory'
import { issueInvoice, member, sellerSettings, tierWithFee } from '#tests/functional/dues/helpers'
import {
  contactIds,
  organisationWithPrimary,
  type FormCase,
} from '#tests/functional/shared/form_cases'

/** A credit of 1.250,00 kr. on an imported statement, for the invoice it pays. */
async function bankEntryToDecide() {
  await sellerSettings()
  const { organisation } = await member(await tierWithFee('Organisationer', 125_000), {
    name: 'Alfa Forening',
  })
  const invoice = await issueInvoice(organisation)
  const result = await new ImportBankStatement().handle(
    {
      file: Buffer.from(
        camt053([
          {
            ref: 'S1',
            amount: '1250.00',
            date: danishToday().minus({ days: 1 }).toISODate()!,
            text: 'Overførsel',
          },
        ])
      ),
      fileName: 'k.xml',
      dryRun: false,
    },
    Actors.system('test')
  )
  if (result.status !== 'imported') throw new Error(result.status)
  const entry = await db
    .from('bank_statement_lines')
    .where('bank_statement_id', result.statementId)
    .firstOrFail()
  return {
    ids: { statement: result.statementId, entry: Number(entry.bank_entry_id), invoice: invoice.id },
  }
}

const nextYear = String(danishToday().year + 1)

/** The staff's forms for members, dues, users and settings, each failing on one field. */
export const STAFF_FORM_CASES: FormCase[] = [
  {
    route: 'settings.update',
    who: 'admin',
    page: () => '/settings',
    method: 'put',
    action: () => '/settings',
    form: {
      name: 'Social Talks & Co',
      cvr: '10150817',
      address: 'Vesterbrogade 1, 2. "th"',
      postcode: '800',
      city: 'København V',
      email: 'sekretariat@example.org',
      phone: '+45 33 12 34 56',
      bank_reg_no: '1234',
      bank_account_no: '0012345678',
      founded_on: '2021-01-15',
      notice_days: '21',
      motion_deadline_days: '0',
      proxies_per_organisation: '0',
      dues_grace_months: '0',
      extraordinary_request_percent: '10',
      vat_exemption_text: 'Momsfritaget <efter> § 13',
    },
    invalid: 'postcode',
    // Stored ticked by the defaults; the person unticked them.
    unticked: ['vat_exempt'],
  },
  {
    route: 'staff.store',
    who: 'admin',
    page: () => '/staff',
    method: 'post',
    action: () => '/staff',
    form: { full_name: 'Karen Ølgaard', email: 'karen@', role: 'treasurer', locale: 'en' },
    invalid: 'email',
  },
  {
    route: 'organisations.store',
    who: 'admin',
    page: () => '/members/new',
    method: 'post',
    action: () => '/members',
    form: {
      name: 'Socialt Udviklingscenter SUS',
      type: 'ngo',
      legal_form: 'Forening',
      cvr: '12345678',
      address: 'Kongensgade 1',
      postcode: '5000',
      city: 'Odense C',
      website: 'sus.dk',
      notes: 'Ringer tilbage i maj',
      status: 'applicant',
      joined_on: '2026-02-01',
      contact_name: 'Søren Ås',
      contact_email: 'soren@sus.example.org',
      contact_phone: '12345678',
    },
    invalid: 'cvr',
  },
  {
    route: 'organisations.update',
    who: 'admin',
    setup: organisationWithPrimary,
    page: (ids) => `/members/${ids.organisation}/edit`,
    method: 'put',
    action: (ids) => `/members/${ids.organisation}`,
    form: {
      name: 'Æblehaven Nord',
      type: 'ngo',
      legal_form: 'Forening',
      cvr: '',
      address: 'Skovvej 0',
      postcode: '12',
      city: 'Aabenraa',
      website: 'aeblehaven.dk',
      notes: '0',
      invoice_reference: 'Ordre 0',
    },
    invalid: 'postcode',
  },
  {
    route: 'fees.store_tier',
    who: 'admin',
    page: () => '/dues/fees',
    method: 'post',
    action: () => '/dues/tiers',
    form: { name: '', description: 'Små foreninger under 10 ansatte' },
    invalid: 'name',
  },
  {
    route: 'fees.store_fee',
    who: 'admin',
    setup: async () => ({ ids: { tier: (await TierFactory.merge({ name: 'Små' }).create()).id } }),
    page: () => '/dues/fees',
    method: 'post',
    action: () => '/dues/fees',
    form: { tier_id: '', year: nextYear, amount: '1.250,50' },
    invalid: 'tier_id',
  },
  {
    route: 'fees.save_settings',
    who: 'admin',
    page: () => '/dues/fees',
    method: 'put',
    action: () => '/dues/settings',
    form: {
      dues_proration: 'quarters',
      invoice_due_days: '0',
      reminder_fee: '0,00',
      reminder_interval_days: '14',
      dues_income_account: '1010',
      fee_income_account: '1020',
      debtors_account: '5600',
      bank_account: '5820',
      vat_account: '',
    },
    invalid: 'invoice_due_days',
  },
  {
    route: 'backups.update_settings',
    who: 'admin',
    page: () => '/operations/backups',
    method: 'put',
    action: () => '/operations/backups/settings',
    form: {
      backup_folder: '/srv/backups/kreds "nat"',
      backup_keep_daily: '0',
      backup_keep_weekly: '4',
      backup_keep_monthly: '367',
    },
    invalid: 'backup_keep_monthly',
  },
  {
    route: 'contacts.store',
    who: 'admin',
    setup: organisationWithPrimary,
    page: (ids) => `/members/${ids.organisation}`,
    method: 'post',
    action: (ids) => `/members/${ids.organisation}/contacts`,
    form: {
      name: 'Bo Ø',
      title: 'Kasserer "på prøve"',
      email: 'bo@',
      phone: '0',
      is_billing: '1',
      is_delegate: '1',
    },
    invalid: 'email',
    hidden: () => ({ _form: 'new-contact' }),
    idOf: contactIds('new-contact'),
  },
  {
    route: 'contacts.update',
    who: 'admin',
    setup: organisationWithPrimary,
    page: (ids) => `/members/${ids.organisation}`,
    method: 'put',
    action: (ids) => `/members/${ids.organisation}/contacts/${ids.contact}`,
    form: {
      name: 'L',
      title: '',
      email: 'lene@aeblehaven.example.org',
      phone: '',
      is_newsletter: '1',
    },
    invalid: 'name',
    // The primary contact unticked "primary" in a submission that failed.
    unticked: ['is_primary'],
    hidden: (ids) => ({ _form: `contact-${ids.contact}` }),
    idOf: (name, ids) => contactIds(`contact-${ids.contact}`)(name),
  },
  {
    route: 'staff.update',
    who: 'admin',
    setup: async () => ({ ids: { user: (await UserFactory.apply('board').create()).id } }),
    page: (ids) => `/staff/${ids.user}/edit`,
    method: 'put',
    action: (ids) => `/staff/${ids.user}`,
    form: { full_name: 'K', role: 'secretariat' },
    invalid: 'full_name',
    // Active until now: the admin unticked it in the submission that failed.
    unticked: ['is_active'],
  },
  {
    route: 'membership_status.store',
    who: 'admin',
    setup: organisationWithPrimary,
    page: (ids) => `/members/${ids.organisation}`,
    method: 'post',
    action: (ids) => `/members/${ids.organisation}/status`,
    form: { to: 'resigned', changed_on: '2026-02-30', reason: 'Udmeldt pr. brev' },
    invalid: 'changed_on',
  },
  {
    route: 'invoices.record_payment',
    who: 'admin',
    setup: async () => {
      await sellerSettings()
      const { organisation } = await member(await tierWithFee(), { name: 'Æblehaven' })
      return { ids: { invoice: (await issueInvoice(organisation)).id } }
    },
    page: (ids) => `/dues/invoices/${ids.invoice}`,
    method: 'post',
    action: (ids) => `/dues/invoices/${ids.invoice}/payments`,
    // More than is owed: refused by the action, not the validator, and still kept.
    form: { amount: '99.999,00', paid_on: '2026-03-02', method: 'mobilepay', note: 'MobilePay 0' },
    invalid: 'amount',
  },
  {
    route: 'books.close',
    who: 'admin',
    page: () => '/dues/bank',
    method: 'post',
    action: () => '/dues/books/close',
    // The date is kept although the confirmation box was left unticked.
    form: { through: '2025-12-31' },
    invalid: 'confirm',
  },
  {
    route: 'bank_entries.match',
    who: 'admin',
    setup: bankEntryToDecide,
    page: (ids) => `/dues/bank/statements/${ids.statement}/entries/${ids.entry}`,
    method: 'post',
    action: (ids) => `/dues/bank/statements/${ids.statement}/entries/${ids.entry}/match`,
    // A split over two invoices with a typo in the second amount: both rows come back as typed.
    form: (ids) => ({
      'allocations[0][invoice_id]': String(ids.invoice),
      'allocations[0][amount]': '1.000,00',
      'allocations[1][invoice_id]': String(ids.invoice),
      'allocations[1][amount]': '250,0x',
    }),
    invalid: 'allocations.1.amount',
    idOf: (name) => {
      const [, index, field] = name.match(/allocations(?:\[|\.)(\d+)\]?(?:\[|\.)(\w+)/)!
      return `allocation-${field === 'invoice_id' ? 'invoice' : 'amount'}-${index}`
    },
  },
]
