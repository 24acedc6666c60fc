import { test } from '@japa/runner'
import { createHash } from 'node:crypto'
import testUtils from '@adonisjs/core/services/test_utils'
import type { ApiClient } from '@japa/api-client'
import type Assembly from '#assemblies/models/assembly'
import Minutes from '#assemblies/models/minutes'
import MinutesSignature from '#assemblies/models/minutes_signature'
import AgendaItem from '#assemblies/models/agenda_item'
import { CloseAssembly } from '#assemblies/actions/close_assembly'
import { minutesDigest, signedMinutesText } from '#assemblies/rules/minutes_digest'
import { UserFactory } from '#database/factories/user_factory'
import { ContactFactory } from '#database/factories/organisation_factory'
import { assemblyWithMembers, board } from '#tests/helpers/assemblies'
import {
  findLink,
  recipientsOf,
  startMailCatcher,
  type MailCatcher,
} from '#tests/helpers/mail_catcher'
import { asBytes } from '#tests/helpers/bytes'
import { pdfAttachments, pdfText } from '#tests/helpers/pdf_text'
import { foldSpace } from '#tests/helpers/text'

const DIRIGENT = 'dorte.dirigent@example.org'
const REFERENT = 'rasmus.referent@example.org'

/** A closed assembly whose minutes name Dorte (who has a login) and Rasmus (who has not). */
async function closedAssemblyWithMinutes(client: ApiClient) {
  const { assembly, organisations } = await assemblyWithMembers({ members: 2 })
  await new CloseAssembly().handle(assembly.id, board)
  const dirigent = await UserFactory.apply('board').merge({ email: DIRIGENT }).create()
  const otherBoardMember = await UserFactory.apply('board').create()
  await saveMinutes(client, assembly, dirigent, 'Dorte Dirigent blev valgt.')
  return { assembly, organisations, dirigent, otherBoardMember }
}

async function saveMinutes(
  client: ApiClient,
  assembly: Assembly,
  user: Awaited<ReturnType<typeof UserFactory.create>>,
  notes: string,
  emails: { dirigent?: string; referent?: string } = {}
) {
  const [item] = await AgendaItem.query().where('assembly_id', assembly.id).orderBy('position')
  return client
    .put(`/assemblies/${assembly.id}/minutes`)
    .form({
      dirigent_name: 'Dorte Dirigent',
      dirigent_email: emails.dirigent ?? DIRIGENT,
      referent_name: 'Rasmus Referent',
      referent_email: emails.referent ?? REFERENT,
      [`notes[i${item.id}]`]: notes,
    })
    .loginAs(user)
    .withCsrfToken()
    .redirects(0)
}

function sign(
  client: ApiClient,
  assembly: Assembly,
  user: Awaited<ReturnType<typeof UserFactory.create>>,
  role: 'dirigent' | 'referent',
  hash?: string
) {
  return client
    .post(`/assemblies/${assembly.id}/minutes/sign`)
    .form({ role, ...(hash ? { hash } : {}) })
    .loginAs(user)
    .withCsrfToken()
    .redirects(0)
}

async function versionsOf(assembly: Assembly) {
  return Minutes.query()
    .where('assembly_id', assembly.id)
    .orderBy('version')
    .preload('signatures', (query) => query.orderBy('id'))
}

test.group('Minutes signatures', (group) => {
  let catcher: MailCatcher
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())
  group.each.setup(async () => {
    catcher = await startMailCatcher()
    return () => catcher.stop()
  })

  test('another board member can sign neither role; the dirigent signs only as dirigent', async ({
    client,
    assert,
  }) => {
    const { assembly, dirigent, otherBoardMember } = await closedAssemblyWithMinutes(client)
    for (const role of ['dirigent', 'referent'] as const) {
      const refused = await sign(client, assembly, otherBoardMember, role)
      refused.assertFlashMessage(
        'error',
        `Kun den person, referatet angiver som ${role}, kan underskrive som ${role}.`
      )
    }
    const page = await client.get(`/assemblies/${assembly.id}/minutes`).loginAs(otherBoardMember)
    assert.notInclude(page.text(), 'Underskriv som')

    const asReferent = await sign(client, assembly, dirigent, 'referent')
    asReferent.assertFlashMessage(
      'error',
      'Kun den person, referatet angiver som referent, kan underskrive som referent.'
    )
    const own = await client.get(`/assemblies/${assembly.id}/minutes`).loginAs(dirigent)
    assert.include(own.text(), 'Underskriv som Dirigent')
    assert.notInclude(own.text(), 'Underskriv som Referent')

    const signed = await sign(client, assembly, dirigent, 'dirigent')
    signed.assertFlashMessage('success', 'Underskriften er registreret.')
    const [version] = await versionsOf(assembly)
    assert.lengthOf(version.signatures, 1)
    const [signature] = version.signatures
    assert.equal(signature.role, 'dirigent')
    assert.equal(signature.name, 'Dorte Dirigent')
    assert.equal(signature.signerEmail, DIRIGENT)
    assert.equal(signature.method, 'login')
    assert.equal(signature.userId, dirigent.id)
    assert.equal(signature.contentHash, minutesDigest(version))
    assert.equal(version.contentHash, minutesDigest(version))
  })

  test('a member contact cannot reach the staff signing route', async ({ client, assert }) => {
    const { assembly, organisations } = await closedAssemblyWithMinutes(client)
    const contact = await ContactFactory.apply('primary')
      .merge({ organisationId: organisations[0].id, email: DIRIGENT })
      .create()
    const response = await client
      .post(`/assemblies/${assembly.id}/minutes/sign`)
      .form({ role: 'dirigent' })
      .withGuard('member')
      .loginAs(contact)
      .withCsrfToken()
      .redirects(0)
    assert.notEqual(response.status(), 200)
    assert.isAtLeast(response.status(), 300)
    const [version] = await versionsOf(assembly)
    assert.lengthOf(version.signatures, 0)
  })

  test('one person cannot be both dirigent and referent', async ({ client, assert }) => {
    const { assembly, dirigent } = await closedAssemblyWithMinutes(client)
    const refused = await saveMinutes(client, assembly, dirigent, 'Andet.', {
      referent: DIRIGENT.toUpperCase(),
    })
    refused.assertFlashMessage(
      'error',
      'Dirigent og referent skal være to personer med hver sin e-mail.'
    )
    const [version] = await versionsOf(assembly)
    assert.equal(version.content.items[0].notes, 'Dorte Dirigent blev valgt.')
  })

  test('an edit after the first signature makes a new version whose signatures start over; the signed text stays', async ({
    client,
    assert,
  }) => {
    const { assembly, dirigent } = await closedAssemblyWithMinutes(client)
    await sign(client, assembly, dirigent, 'dirigent')
    await client
      .post(`/assemblies/${assembly.id}/minutes/links`)
      .form({ seen_links: 0 })
      .loginAs(dirigent)
      .withCsrfToken()
    const firstLink = findLink(
      await catcher.waitFor((m) => recipientsOf(m).includes(REFERENT)),
      '/referat/'
    )
    const [before] = await versionsOf(assembly)
    const signedHash = before.signatures[0].contentHash

    const edited = await saveMinutes(client, assembly, dirigent, 'Rettet efter underskrift.')
    edited.assertFlashMessage(
      'success',
      'Referatet er ændret efter den første underskrift og er nu version 2; underskrifterne begynder forfra.'
    )
    const [first, second] = await versionsOf(assembly)
    assert.equal(first.status, 'superseded')
    assert.equal(first.content.items[0].notes, 'Dorte Dirigent blev valgt.')
    assert.equal(minutesDigest(first), signedHash)
    assert.lengthOf(first.signatures, 1)
    assert.equal(second.status, 'draft')
    assert.lengthOf(second.signatures, 0)
    assert.equal(second.content.items[0].notes, 'Rettet efter underskrift.')

    // The referent's link was for version 1: it shows that and signs nothing.
    const stale = await client.get(firstLink.pathname)
    assert.include(stale.text(), 'Denne version er erstattet af en nyere')
    await client.post(firstLink.pathname).withCsrfToken()
    assert.lengthOf((await versionsOf(assembly))[1].signatures, 0)

    // Saving the same text again changes nothing.
    const same = await saveMinutes(client, assembly, dirigent, 'Rettet efter underskrift.')
    same.assertFlashMessage('success', 'Referatet er uændret (version 2).')
    assert.lengthOf(await versionsOf(assembly), 2)

    // A signer who was shown version 1's text cannot sign version 2 with it.
    const late = await sign(client, assembly, dirigent, 'dirigent', signedHash!)
    late.assertFlashMessage(
      'error',
      'Referatet er ændret, siden du åbnede det. Læs den nye version, før du underskriver.'
    )
    const ok = await sign(client, assembly, dirigent, 'dirigent', minutesDigest(second))
    ok.assertFlashMessage('success', 'Underskriften er registreret.')
  })

  test('the referent signs from a personal link; the PDF prints signers, times, methods and the hash of the embedded signed text', async ({
    client,
    assert,
  }) => {
    const { assembly, dirigent } = await closedAssemblyWithMinutes(client)
    await sign(client, assembly, dirigent, 'dirigent')
    await client
      .post(`/assemblies/${assembly.id}/minutes/links`)
      .form({ seen_links: 0 })
      .loginAs(dirigent)
      .withCsrfToken()
    const link = findLink(
      await catcher.waitFor((m) => recipientsOf(m).includes(REFERENT)),
      '/referat/'
    )
    const page = await client.get(link.pathname)
    const [draft] = await versionsOf(assembly)
    assert.include(page.text(), minutesDigest(draft))
    await client
      .post(link.pathname)
      .form({ hash: minutesDigest(draft) })
      .withCsrfToken()

    const [version] = await versionsOf(assembly)
    assert.equal(version.status, 'signed')
    const referent = version.signatures.find((signature) => signature.role === 'referent')!
    assert.equal(referent.method, 'link')
    assert.equal(referent.signerEmail, REFERENT)
    assert.equal(referent.contentHash, minutesDigest(version))

    const pdf = await asBytes(
      client.get(`/assemblies/${assembly.id}/minutes/pdf`).loginAs(dirigent)
    )
    const bytes = pdf.body() as Buffer
    const text = foldSpace(await pdfText(bytes))
    const hash = minutesDigest(version)
    assert.include(text, hash)
    assert.include(text, 'Dorte Dirigent')
    assert.include(text, 'med eget login')
    assert.include(text, 'Rasmus Referent')
    assert.include(text, 'med personligt link')
    assert.lengthOf(text.match(/Underskrevet digitalt/g) ?? [], 2)

    // Anyone holding the PDF: take the attached text, hash it, compare with the printed hash.
    const attached = (await pdfAttachments(bytes)).get('referat-v1.json')
    assert.isDefined(attached)
    assert.equal(attached!.toString('utf8'), signedMinutesText(version))
    assert.equal(createHash('sha256').update(attached!).digest('hex'), hash)
    assert.equal(
      JSON.parse(attached!.toString('utf8')).content.items[0].notes,
      'Dorte Dirigent blev valgt.'
    )
  })

  test('a link sent to someone who no longer holds the role signs nothing', async ({
    client,
    assert,
  }) => {
    const { assembly, dirigent } = await closedAssemblyWithMinutes(client)
    await client
      .post(`/assemblies/${assembly.id}/minutes/links`)
      .form({ seen_links: 0 })
      .loginAs(dirigent)
      .withCsrfToken()
    const link = findLink(
      await catcher.waitFor((m) => recipientsOf(m).includes(REFERENT)),
      '/referat/'
    )
    // Same names, so the text is unchanged; only the referent's address is now another's.
    await saveMinutes(client, assembly, dirigent, 'Dorte Dirigent blev valgt.', {
      referent: 'ny.referent@example.org',
    })
    await client.post(link.pathname).withCsrfToken()
    const signatures = await MinutesSignature.query().whereIn(
      'minutes_id',
      (await versionsOf(assembly)).map((version) => version.id)
    )
    assert.lengthOf(signatures, 0)
  })
})
