import db from '@adonisjs/lucid/services/db'
import NameChangeRequest from '#members/models/name_change_request'
import { sqlTimestamp } from '#shared/sql_time'
import OutboxMessage from '#shared/mail/outbox_message'
import AgendaItem from '#assemblies/models/agenda_item'
import { ContactFactory } from '#database/factories/organisation_factory'
import { NewsletterListFactory, SubscriberFactory } from '#database/factories/newsletter_factory'
import { UserFactory } from '#database/factories/user_factory'
import { generateToken } from '#shared/tokens'
import { readerToken } from '#newsletters/reader_links'
import { assemblyWithMembers, openBallot } from '#tests/helpers/assemblies'
import { sellerSettings, tierWithMembers } from '#tests/helpers/dues'
import { sentIssueFor, subscribeTo } from '#tests/helpers/newsletters'
import { issueInvoice } from '#tests/functional/dues/helpers'
import type { AppRoute } from '#tests/helpers/routes'
import { camt053 } from '#tests/helpers/bank_statements'
import { ImportBankStatement } from '#dues/actions/import_bank_statement'
import DuesRun from '#dues/models/dues_run'
import { Actors } from '#audit/actor'
import NewsletterTemplate from '#newsletters/models/newsletter_template'
import { storedMediaForRoutes } from '#tests/helpers/media_images'
import { failedJob } from '#tests/helpers/queue_jobs'

/*
| One record of each kind the routes name in their paths, so that tests over
| every route from the router reach the controller with parameters that
| exist, instead of stopping at a 404 that would hide what they test.
*/

export type RouteRecords = Awaited<ReturnType<typeof createRouteRecords>>

export async function createRouteRecords() {
  await sellerSettings()
  const { organisations } = await tierWithMembers({ count: 1 })
  const organisation = organisations[0]
  await organisation.load('contacts')
  const contact = organisation.contacts[0]
  // A second contact of the same organisation: the portal's contact routes change a colleague.
  const colleague = await ContactFactory.merge({ organisationId: organisation.id }).create()
  const invoice = await issueInvoice(organisation)
  const nameChange = await NameChangeRequest.create({
    organisationId: organisation.id,
    requestedName: 'Nyt Navn Forening',
    requestedBy: 'test',
    status: 'pending',
  })

  const { assembly } = await assemblyWithMembers({ members: 1 })
  const agendaItem = await AgendaItem.query()
    .where('assembly_id', assembly.id)
    .orderBy('position', 'desc')
    .firstOrFail()
  const ballot = await openBallot(assembly)

  const list = await NewsletterListFactory.apply('forMembers').with('consentTexts', 1).create()
  const subscriber = await SubscriberFactory.create()
  await subscribeTo(subscriber, list)
  const { issue, delivery } = await sentIssueFor(list, subscriber)

  // Another staff member: an admin may not change their own account through /staff/:id.
  const staffMember = await UserFactory.apply('secretariat').create()
  const outbox = await OutboxMessage.create({
    messageId: '<routes@kreds.test>',
    fromAddress: 'Kreds <sekretariat@example.org>',
    toAddresses: 'anna@example.org',
    subject: 'En besked i udbakken',
    html: '<p>Hej</p>',
    text: 'Hej',
    headers: {},
  })
  const [importFileId] = await db.table('import_files').insert({
    kind: 'members',
    file_name: 'medlemmer.csv',
    sha256: '0'.repeat(64),
    content: Buffer.from('Navn\r\n'),
    changes: '{"organisations":[],"resigned":[]}',
    created_by: 'test',
    created_at: sqlTimestamp(),
  })

  const bank = await new ImportBankStatement().handle(
    {
      file: Buffer.from(
        camt053([{ ref: 'ROUTES-1', amount: '12.34', date: '2026-01-05', text: 'Ukendt' }])
      ),
      fileName: 'kontoudtog.xml',
      dryRun: false,
    },
    Actors.system('test')
  )
  if (bank.status !== 'imported') throw new Error(`The route records' statement: ${bank.status}`)
  const bankEntry = await db.from('bank_entries').orderBy('id', 'desc').firstOrFail()
  const template = await NewsletterTemplate.create({
    name: 'Skabelon',
    description: null,
    bodyMjml: '<mj-section></mj-section>',
    createdBy: 'test',
  })
  const media = await storedMediaForRoutes()
  const failedJobId = await failedJob()
  const duesRun = await DuesRun.create({
    kind: 'generate',
    token: generateToken(),
    fingerprint: '0'.repeat(64),
    year: invoice.year,
    withoutReference: false,
    state: 'done',
    total: 0,
    done: 0,
    totalOre: 0,
    userId: null,
    actorLabel: 'test',
    actorIp: null,
    finishedAt: null,
  })

  return {
    importFileId: Number(importFileId),
    bankStatementId: bank.statementId,
    bankEntryId: Number(bankEntry.id),
    templateId: template.id,
    mediaId: media.id,
    failedJobId,
    duesRunId: duesRun.id,
    organisation,
    contact,
    colleague,
    invoice,
    nameChange,
    assembly,
    agendaItem,
    ballot,
    list,
    subscriber,
    issue,
    delivery,
    staffMember,
    outbox,
  }
}

/** Which record `:id` stands for, by the start of the route's pattern. */
const ID_BY_PREFIX: [string, (records: RouteRecords) => number | string][] = [
  ['/members/', (r) => r.organisation.id],
  ['/dues/invoices/', (r) => r.invoice.id],
  ['/dues/organisations/', (r) => r.organisation.id],
  ['/dues/runs/', (r) => r.duesRunId],
  ['/dues/bank/statements/', (r) => r.bankStatementId],
  ['/assemblies/', (r) => r.assembly.id],
  ['/medlem/generalforsamlinger/', (r) => r.assembly.id],
  ['/staff/', (r) => r.staffMember.id],
  ['/outbox/', (r) => r.outbox.id],
  ['/audit/imports/', (r) => r.importFileId],
  ['/newsletters/lists/', (r) => r.list.id],
  ['/newsletters/issues/', (r) => r.issue.id],
  ['/newsletters/subscribers/', (r) => r.subscriber.id],
  ['/nyhedsbrev/udgave/', (r) => r.issue.id],
  ['/newsletters/templates/', (r) => r.templateId],
  ['/newsletters/media/', (r) => r.mediaId],
  ['/operations/jobs/', (r) => r.failedJobId],
]

/**
 * Each parameter of the route filled with an existing record or a token of
 * the right shape. A parameter or an `:id` under a path this does not know
 * throws, so a new kind of route is given a record before it is tested.
 */
export function paramsFor(route: AppRoute, records: RouteRecords) {
  const values: Record<string, string | number> = {}
  for (const param of route.params) values[param] = valueFor(param, route.pattern, records)
  return values
}

function valueFor(param: string, pattern: string, r: RouteRecords): string | number {
  switch (param) {
    case 'id': {
      const entry = ID_BY_PREFIX.find(([prefix]) => pattern.startsWith(prefix))
      if (!entry) throw new Error(`No record for :id in ${pattern}: add one to route_records.ts`)
      return entry[1](r)
    }
    case 'contactId':
      // A staff route changes the organisation's contact; the portal a colleague of the one logged in.
      return pattern.startsWith('/medlem/') ? r.colleague.id : r.contact.id
    case 'requestId':
      return r.nameChange.id
    case 'itemId':
      return r.agendaItem.id
    case 'ballotId':
      return r.ballot.id
    case 'invoiceId':
      return r.invoice.id
    case 'entryId':
      return r.bankEntryId
    case 'listId':
      return r.list.id
    case 'slug':
      return r.list.slug
    case 'token':
      if (pattern.startsWith('/u/')) return readerToken('unsubscribe', r.subscriber.id)
      if (pattern.startsWith('/del/')) return readerToken('share', r.delivery.id)
      return generateToken()
  }
  throw new Error(`No value for :${param} in ${pattern}: add one to route_records.ts`)
}
