import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import Payment from '#dues/models/payment'
import Assembly from '#assemblies/models/assembly'
import Motion from '#assemblies/models/motion'
import NewsletterIssue from '#newsletters/models/newsletter_issue'
import { danishToday } from '#shared/danish_time'
import { UserFactory } from '#database/factories/user_factory'
import { OrganisationFactory } from '#database/factories/organisation_factory'
import { SubscriberFactory } from '#database/factories/newsletter_factory'
import { issueInvoice, member, sellerSettings, tierWithFee } from '#tests/functional/dues/helpers'

/*
 * Something for every part of the start page: an overdue invoice and a payment
 * this month, an applicant and a planned assembly with a motion, two drafts,
 * an invited user, a bounced address and a failed job.
 */

/** One unpaid invoice 40 days overdue and one paid this month: the treasurer's figures. */
async function duesWork() {
  await sellerSettings()
  const tier = await tierWithFee('Organisationer', 125_000)
  const overdue = await issueInvoice((await member(tier, { name: 'Alfa Forening' })).organisation)
  overdue.dueDate = danishToday().minus({ days: 40 })
  await overdue.save()
  const paid = await issueInvoice((await member(tier, { name: 'Beta Klub' })).organisation)
  await Payment.create({
    invoiceId: paid.id,
    amountOre: paid.totalOre,
    paidOn: danishToday(),
    method: 'bank_transfer',
    recordedBy: 'test',
  })
}

/** Next year on the Danish calendar: the dates the start page shows stay in the future. */
export const NEXT_YEAR = danishToday().year + 1

async function boardWork() {
  await OrganisationFactory.apply('applicant').merge({ name: 'Eksempelby Kommune' }).create()
  const assembly = await Assembly.create({
    kind: 'ordinary',
    title: `Ordinær generalforsamling ${NEXT_YEAR}`,
    startsAt: DateTime.fromISO(`${NEXT_YEAR}-04-20T19:00`, { zone: 'Europe/Copenhagen' }).toUTC(),
    place: 'Vesterbrogade 1',
    meetingUrl: null,
    motionDeadline: DateTime.fromISO(`${NEXT_YEAR}-04-13`),
    requestedBy: null,
    status: 'planned',
    noticeSentAt: null,
    noticeLate: false,
    createdBy: 'test',
  })
  await Motion.create({
    assemblyId: assembly.id,
    agendaItemId: null,
    organisationId: null,
    submittedBy: 'Bestyrelsen',
    title: 'Kontingentet hæves',
    body: 'Bestyrelsen foreslår …',
    changesStatutes: false,
    status: 'submitted',
    submittedAt: DateTime.now(),
  })
}

async function secretariatWork() {
  await NewsletterIssue.create({
    subject: 'Nyt fra foreningen',
    bodyMjml: '<mjml />',
    status: 'draft',
    createdBy: 'test',
  })
  await NewsletterIssue.create({
    subject: 'Juleinvitation',
    bodyMjml: '<mjml />',
    status: 'draft',
    createdBy: 'test',
  })
}

async function adminWork() {
  await UserFactory.apply('secretariat').apply('invited').create()
  await SubscriberFactory.apply('bounced').merge({ suppressedAt: DateTime.now() }).create()
  await db.table('queue_jobs').insert({
    id: 'failed-1',
    queue: 'default',
    status: 'failed',
    data: '{}',
    finished_at: Date.now(),
    error: 'SMTP refused',
  })
}

export async function everyRolesWork() {
  await duesWork()
  await boardWork()
  await secretariatWork()
  await adminWork()
}
