import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { DateTime } from 'luxon'
import type Contact from '#members/models/contact'
import Motion from '#assemblies/models/motion'
import Minutes from '#assemblies/models/minutes'
import MinutesSignature from '#assemblies/models/minutes_signature'
import { SendNotice } from '#assemblies/actions/send_notice'
import { SaveMinutes } from '#assemblies/actions/save_minutes'
import { CloseAssembly } from '#assemblies/actions/close_assembly'
import { ContactFactory } from '#database/factories/organisation_factory'
import { assemblyWithMembers, board } from '#tests/helpers/assemblies'
import { asBytes } from '#tests/helpers/bytes'
import { pdfText } from '#tests/helpers/pdf_text'

async function contactOf(organisationId: number) {
  return ContactFactory.apply('primary').merge({ organisationId }).create()
}

test.group('Assemblies in the member portal', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test('a member sends a motion before the deadline; it is placed under "Indkomne forslag"; after it, refused', async ({
    client,
    assert,
  }) => {
    const { assembly, organisations } = await assemblyWithMembers({ members: 1 })
    await new SendNotice().handle({ assemblyId: assembly.id, confirmLate: false }, board)
    const contact = await contactOf(organisations[0].id)
    const page = await client
      .get('/medlem/generalforsamlinger')
      .withGuard('member')
      .loginAs(contact)
    page.assertTextIncludes('Stil et forslag')

    const sent = await client
      .post(`/medlem/generalforsamlinger/${assembly.id}/forslag`)
      .form({ title: 'Mere om Video Talks', body: 'Vi foreslår flere produktionsdage.' })
      .withGuard('member')
      .loginAs(contact)
      .withCsrfToken()
      .redirects(0)
    sent.assertFlashMessage('success', 'Forslaget er tilføjet.')
    const motion = await Motion.query()
      .where('assembly_id', assembly.id)
      .preload('organisation')
      .firstOrFail()
    assert.equal(motion.organisationId, organisations[0].id)
    const item = await assembly
      .related('agendaItems')
      .query()
      .where('id', motion.agendaItemId!)
      .firstOrFail()
    assert.equal(item.title, 'Indkomne forslag')

    assembly.motionDeadline = DateTime.now().minus({ days: 1 })
    await assembly.save()
    const late = await client
      .post(`/medlem/generalforsamlinger/${assembly.id}/forslag`)
      .form({ title: 'For sent', body: 'Dette forslag kommer for sent.' })
      .withGuard('member')
      .loginAs(contact)
      .withCsrfToken()
      .redirects(0)
    late.assertFlashMessage('error', 'Fristen for forslag er overskredet.')
    assert.lengthOf(await Motion.query().where('assembly_id', assembly.id), 1)
  })

  test('signed minutes can be downloaded by members; a draft cannot; staff and strangers are sent to the portal login', async ({
    client,
    assert,
  }) => {
    const { assembly, organisations } = await assemblyWithMembers({ members: 2 })
    const contact: Contact = await contactOf(organisations[0].id)
    await new CloseAssembly().handle(assembly.id, board)
    const saved = await new SaveMinutes().handle(
      assembly.id,
      {
        dirigentName: 'Dorte Dirigent',
        dirigentEmail: null,
        referentName: 'Rasmus Referent',
        referentEmail: null,
        statement: null,
        notes: {},
      },
      board
    )
    if (saved.status === 'same_person') throw new Error('dirigent and referent are two people')
    const minutes = saved.minutes
    const url = `/medlem/generalforsamlinger/${assembly.id}/referat`
    const draft = await client.get(url).withGuard('member').loginAs(contact)
    draft.assertStatus(404)

    for (const [role, name] of [
      ['dirigent', 'Dorte Dirigent'],
      ['referent', 'Rasmus Referent'],
    ] as const) {
      await MinutesSignature.create({
        minutesId: minutes.id,
        role,
        name,
        signedBy: 'test',
        signedAt: DateTime.now(),
      })
    }
    await Minutes.query().where('id', minutes.id).update({ status: 'signed' })
    const signed = await asBytes(client.get(url).withGuard('member').loginAs(contact))
    signed.assertHeader('content-type', 'application/pdf')
    const text = (await pdfText(signed.body() as Buffer)).replace(/\s+/g, ' ')
    const danishDate = assembly.startsAt
      .setZone('Europe/Copenhagen')
      .setLocale('da')
      .toFormat('d. MMMM yyyy')
    assert.include(text, danishDate)
    for (const organisation of organisations) assert.include(text, organisation.name)
    assert.include(text, 'Dorte Dirigent')

    const anonymous = await client.get(url).redirects(0)
    anonymous.assertStatus(302)
    assert.equal(anonymous.header('location'), '/medlem')
  })
})
