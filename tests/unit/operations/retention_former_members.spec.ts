import { randomUUID } from 'node:crypto'
import { rm } from 'node:fs/promises'
import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import app from '@adonisjs/core/services/app'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { Actors } from '#audit/actor'
import AuditEvent from '#audit/models/audit_event'
import Contact from '#members/models/contact'
import type Organisation from '#members/models/organisation'
import { CleanUpExpiredData } from '#operations/retention/clean_up_expired_data'
import { ContactFactory, OrganisationFactory } from '#database/factories/organisation_factory'
import { SubscriberFactory } from '#database/factories/newsletter_factory'
import { sqlTimestamp } from '#shared/sql_time'

/**
 * Half past midnight on 1 July 2026 in Denmark, still 30 June in UTC. With
 * 24 months, a member that left on 1 July 2024 is at the limit and stays
 * untouched; one that left on 30 June 2024 is past it.
 */
const NOW = DateTime.fromISO('2026-06-30T22:30:00Z')
const HANNE = { name: 'Hanne Sørensen', email: 'hanne@foreningen.example' }

async function formerMember(status: 'resigned' | 'expelled', leftOn: string) {
  const organisation = await OrganisationFactory.apply(status).create()
  // After the state, which has a day of its own.
  organisation.merge({ leftOn: DateTime.fromISO(leftOn), invoiceReference: 'Att. Hanne Sørensen' })
  await organisation.save()
  const contact = await ContactFactory.merge({
    organisationId: organisation.id,
    ...HANNE,
    title: 'Kasserer',
    isBilling: true,
  }).create()
  return { organisation, contact }
}

/** An invoice as issued, with a reminder sent to the billing contact. */
async function invoiceWithReminder(organisation: Organisation, issueDate: string) {
  const series = `T${randomUUID().slice(0, 8)}`
  await db.table('invoice_series').insert({ code: series, last_number: 1 })
  const document = JSON.stringify({
    number: `${series}-1`,
    issueDate,
    buyer: { name: organisation.name, address: organisation.address, reference: 'Att. Hanne' },
  })
  const [id] = await db.table('invoices').insert({
    kind: 'invoice',
    series,
    sequence: 1,
    number: `${series}-1`,
    organisation_id: organisation.id,
    year: Number(issueDate.slice(0, 4)),
    issue_date: issueDate,
    due_date: issueDate,
    net_ore: 125_000,
    vat_ore: 0,
    total_ore: 125_000,
    document,
    created_by: 'kasserer@example.org',
    created_at: `${issueDate} 10:00:00`,
  })
  await db.table('reminders').insert({
    invoice_id: id,
    level: 1,
    sent_on: issueDate,
    fee_ore: 10_000,
    sent_to: HANNE.email,
    created_at: `${issueDate} 10:00:00`,
  })
  return Number(id)
}

/** Signed minutes of an assembly, signed by the contact as the dirigent. */
async function signedMinutes() {
  const [assemblyId] = await db.table('assemblies').insert({
    kind: 'ordinary',
    title: 'Ordinær generalforsamling 2024',
    starts_at: '2024-04-20 13:00:00',
    status: 'closed',
    created_by: 'test',
    created_at: '2024-03-01 10:00:00',
    updated_at: '2024-04-21 10:00:00',
  })
  const [minutesId] = await db.table('minutes').insert({
    assembly_id: assemblyId,
    version: 1,
    content: 'Hanne Sørensen blev valgt som dirigent.',
    status: 'signed',
    created_by: 'test',
    created_at: '2024-04-21 10:00:00',
  })
  await db.table('minutes_signatures').insert({
    minutes_id: minutesId,
    role: 'dirigent',
    name: HANNE.name,
    signed_by: HANNE.email,
    signed_at: '2024-04-22 10:00:00',
  })
}

async function rows(table: string) {
  return db.from(table).orderBy('id')
}

async function run() {
  const tmpRoot = app.tmpPath(`retention-${randomUUID()}`)
  try {
    return await new CleanUpExpiredData(tmpRoot).handle(Actors.system('scheduler'), NOW)
  } finally {
    await rm(tmpRoot, { recursive: true, force: true })
  }
}

test.group("Retention of former members' contacts", (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test('a member that left at the limit is untouched; one that left the day before is anonymised', async ({
    assert,
  }) => {
    const within = await formerMember('resigned', '2024-07-01')
    const past = await formerMember('expelled', '2024-06-30')
    const active = await OrganisationFactory.create()
    const activeContact = await ContactFactory.merge({
      organisationId: active.id,
      name: 'Ole Aktiv',
    }).create()
    await db.table('member_login_tokens').insert({
      contact_id: past.contact.id,
      token_hash: randomUUID().replaceAll('-', ''),
      expires_at: sqlTimestamp(NOW.plus({ days: 1 })),
      created_at: sqlTimestamp(NOW),
    })
    await db.table('audit_events').insert({
      actor_type: 'user',
      actor_label: 'sekretariat@example.org',
      module: 'members',
      action: 'contact.updated',
      details: JSON.stringify({ name: HANNE.name, email: HANNE.email }),
      created_at: sqlTimestamp(NOW.minus({ years: 3 })),
    })

    const counts = await run()

    assert.equal(counts.former_members, 1)
    assert.equal(counts.contacts, 1)
    const gone = await Contact.findOrFail(past.contact.id)
    assert.equal(gone.name, '[slettet]')
    assert.isNull(gone.email)
    assert.isNull(gone.phone)
    assert.isNull(gone.title)
    assert.isNotNull(gone.erasedAt)
    const kept = await Contact.findOrFail(within.contact.id)
    assert.equal(kept.name, HANNE.name)
    assert.equal(kept.email, HANNE.email)
    assert.equal((await Contact.findOrFail(activeContact.id)).name, 'Ole Aktiv')
    await past.organisation.refresh()
    await within.organisation.refresh()
    assert.isNull(past.organisation.invoiceReference)
    assert.equal(within.organisation.invoiceReference, 'Att. Hanne Sørensen')
    // The organisation is not a person: its name and address stay.
    assert.isNotNull(past.organisation.address)
    const tokens = await db.from('member_login_tokens').where('contact_id', past.contact.id)
    assert.lengthOf(tokens, 0)
    const event = await AuditEvent.query().where('action', 'contact.updated').firstOrFail()
    assert.notInclude(JSON.stringify(event.details), HANNE.email)

    const again = await run()
    assert.equal(again.contacts, 0)
  })

  test('invoices stay as issued; the reminder address goes only once the bookkeeping period is over', async ({
    assert,
  }) => {
    const past = await formerMember('resigned', '2023-12-31')
    // Issued in 2021: kept to the end of 2026. Issued on 31 December 2020: kept to the end of 2025.
    const inPeriod = await invoiceWithReminder(past.organisation, '2021-01-01')
    const afterPeriod = await invoiceWithReminder(past.organisation, '2020-12-31')
    const invoicesBefore = await rows('invoices')

    const counts = await run()

    assert.equal(counts.invoice_addresses, 1)
    assert.deepEqual(await rows('invoices'), invoicesBefore)
    const reminders = await db
      .from('reminders')
      .orderBy('invoice_id')
      .select('invoice_id', 'sent_to')
    assert.deepEqual(
      reminders.map((row) => [Number(row.invoice_id), row.sent_to]),
      [
        [afterPeriod, null],
        [inPeriod, HANNE.email],
      ].sort((a, b) => Number(a[0]) - Number(b[0]))
    )
  })

  test('signed minutes and newsletter consent records survive the anonymisation', async ({
    assert,
  }) => {
    await formerMember('resigned', '2023-01-31')
    await signedMinutes()
    const reader = await SubscriberFactory.merge(HANNE).create()
    const minutesBefore = await rows('minutes')
    const signaturesBefore = await rows('minutes_signatures')

    const counts = await run()

    assert.equal(counts.contacts, 1)
    assert.deepEqual(await rows('minutes'), minutesBefore)
    assert.deepEqual(await rows('minutes_signatures'), signaturesBefore)
    await reader.refresh()
    assert.equal(reader.email, HANNE.email)
    assert.equal(reader.name, HANNE.name)
  })

  test('a rejected application is anonymised the months after its rejection, with the name change it asked for', async ({
    assert,
  }) => {
    const rejectedOn = async (day: string) => {
      const organisation = await OrganisationFactory.apply('applicant').create()
      organisation.status = 'rejected'
      await organisation.save()
      await db.table('organisation_status_changes').insert({
        organisation_id: organisation.id,
        from_status: 'applicant',
        to_status: 'rejected',
        changed_on: day,
        reason: 'Ikke en forening',
        actor_label: 'bestyrelsen@example.org',
        created_at: `${day} 12:00:00`,
      })
      const contact = await ContactFactory.merge({ organisationId: organisation.id }).create()
      await db.table('name_change_requests').insert({
        organisation_id: organisation.id,
        requested_name: 'Et andet navn',
        requested_by: contact.email,
        status: 'pending',
        created_at: `${day} 09:00:00`,
      })
      return contact
    }
    const within = await rejectedOn('2024-07-01')
    const past = await rejectedOn('2024-06-30')

    const counts = await run()

    assert.equal(counts.contacts, 1)
    assert.equal((await Contact.findOrFail(past.id)).name, '[slettet]')
    assert.equal((await Contact.findOrFail(within.id)).email, within.email)
    const requests = await db.from('name_change_requests').orderBy('id').select('requested_by')
    assert.deepEqual(
      requests.map((row) => row.requested_by),
      [within.email, '[slettet]']
    )
  })
})
