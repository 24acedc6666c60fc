import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import type { ApiClient } from '@japa/api-client'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import Organisation from '#members/models/organisation'
import NewsletterMedia from '#newsletters/models/newsletter_media'
import Subscriber from '#newsletters/models/subscriber'
import { EraseSubscriber } from '#newsletters/actions/subscriber_privacy'
import { ImportMembers } from '#members/actions/import_members'
import { ImportSubscribers } from '#newsletters/actions/import_subscribers'
import { Actors } from '#audit/actor'
import { CreateAssembly } from '#assemblies/actions/create_assembly'
import Motion from '#assemblies/models/motion'
import Minutes from '#assemblies/models/minutes'
import { refoldSearchText } from '#shared/search_text'
import { UserFactory } from '#database/factories/user_factory'
import { OrganisationFactory } from '#database/factories/organisation_factory'
import { NewsletterListFactory, SubscriberFactory } from '#database/factories/newsletter_factory'
import { FOUNDERS_FILE, memberFile } from '#tests/helpers/member_files'
import {
  BUYER_CVRS,
  issueInvoice,
  member,
  sellerSettings,
  tierWithFee,
} from '#tests/functional/dues/helpers'

/** Which of the names the list page shows for a search, as a person reads the page. */
async function shown(
  client: ApiClient,
  path: string,
  q: string,
  names: string[],
  role: 'board' | 'secretariat' = 'secretariat'
) {
  const user = await UserFactory.apply(role).create()
  const response = await client.get(path).qs({ q }).loginAs(user)
  response.assertStatus(200)
  return names.filter((name) => response.text().includes(name))
}

const ORGANISATIONS = [
  'Socialt Udviklingscenter SUS',
  'Æblehaven',
  'Århus Kommune',
  'Metodecentret',
]

test.group('Search ignores case, accents and æøå', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test('the member register: names, cities, contacts and their e-mails', async ({
    client,
    assert,
  }) => {
    await OrganisationFactory.merge({
      name: 'Socialt Udviklingscenter SUS',
      city: 'Vejle',
    }).create()
    await OrganisationFactory.merge({ name: 'Æblehaven', city: 'Vejle' }).create()
    await OrganisationFactory.merge({ name: 'Århus Kommune', city: 'Århus C' }).create()
    await OrganisationFactory.merge({ name: 'Metodecentret', city: 'Roskilde' })
      .with('contacts', 1, (contact) =>
        contact.merge({ name: 'Birgit Søndergaard', email: 'Bente.Ølgaard@metode.example.org' })
      )
      .create()
    const search = (q: string) => shown(client, '/members', q, ORGANISATIONS)

    assert.deepEqual(await search('sus'), ['Socialt Udviklingscenter SUS'])
    for (const q of ['aeblehaven', 'Aeblehaven', 'æblehaven', 'ÆBLEHAVEN']) {
      assert.deepEqual(await search(q), ['Æblehaven'], q)
    }
    for (const q of ['Aarhus', 'århus', 'ARHUS']) {
      assert.deepEqual(await search(q), ['Århus Kommune'], q)
    }
    assert.deepEqual(await search('sondergaard'), ['Metodecentret'])
    assert.deepEqual(await search('SØNDERGÅRD'), ['Metodecentret'])
    assert.deepEqual(await search('oelgaard@metode'), ['Metodecentret'])
    assert.deepEqual(await search('vejle'), ['Socialt Udviklingscenter SUS', 'Æblehaven'])
    assert.deepEqual(await search('kierkegaard'), [])

    // A rename is searched by its new name at once (the model folds on every save).
    const renamed = await Organisation.findByOrFail('name', 'Metodecentret')
    renamed.name = 'Ønskebørn'
    await renamed.save()
    assert.deepEqual(await shown(client, '/members', 'onskeborn', ['Ønskebørn']), ['Ønskebørn'])
  })

  test('the newsletter readers', async ({ client, assert }) => {
    await SubscriberFactory.merge({
      email: 'birgit@example.org',
      name: 'Birgit Søndergaard',
    }).create()
    await SubscriberFactory.merge({ email: 'info@aeblehaven.example.org', name: 'Æble' }).create()
    await SubscriberFactory.merge({ email: 'ole@example.org', name: 'Ole Hansen' }).create()
    const names = ['birgit@example.org', 'info@aeblehaven.example.org', 'ole@example.org']
    const search = (q: string) => shown(client, '/newsletters/subscribers', q, names)
    assert.deepEqual(await search('SONDERGAARD'), ['birgit@example.org'])
    assert.deepEqual(await search('Æblehaven'), ['info@aeblehaven.example.org'])
    assert.deepEqual(await search('ÆBLE'), ['info@aeblehaven.example.org'])
    assert.deepEqual(await search('HANSEN'), ['ole@example.org'])

    // An erased reader leaves nothing to find, in the folded copy either.
    const birgit = await Subscriber.findByOrFail('email', 'birgit@example.org')
    await new EraseSubscriber().handle(birgit.id, Actors.system('test'))
    const row = await db.from('subscribers').where('id', birgit.id).first()
    assert.equal(row.search_text, '')
  })

  test('the media library, by file name and alt text', async ({ client, assert }) => {
    for (const [index, [name, alt]] of [
      ['Æbletræ.jpg', 'Et æbletræ i blomst'],
      ['generalforsamling.png', 'Deltagerne på Hotel Søgården'],
    ].entries()) {
      await NewsletterMedia.create({
        key: `k${index}`.padEnd(32, '0'),
        originalName: name,
        mime: 'image/jpeg',
        width: 600,
        height: 400,
        bytes: 1000,
        sha256: String(index).repeat(64),
        altText: alt,
        createdBy: 'test',
      })
    }
    const names = ['Æbletræ.jpg', 'generalforsamling.png']
    const search = (q: string) => shown(client, '/newsletters/media', q, names)
    assert.deepEqual(await search('aebletrae'), ['Æbletræ.jpg'])
    assert.deepEqual(await search('BLOMST'), ['Æbletræ.jpg'])
    assert.deepEqual(await search('sogarden'), ['generalforsamling.png'])
  })

  test('the assemblies, by title, motions and minutes', async ({ client, assert }) => {
    const create = (title: string, days: number) =>
      new CreateAssembly().handle(
        {
          kind: 'ordinary',
          title,
          startsAt: DateTime.now().plus({ days }),
          place: 'Online',
          meetingUrl: null,
          motionDeadline: null,
          requestedBy: null,
        },
        Actors.system('test')
      )
    await create('Generalforsamling på Ærø', 10)
    const withMotion = await create('Generalforsamling 2026', 20)
    await Motion.create({
      assemblyId: withMotion.id,
      agendaItemId: null,
      organisationId: null,
      submittedBy: 'test',
      title: 'Nyt navn',
      body: 'Foreningen tager navn efter Birgit Søndergaard.',
      changesStatutes: false,
      status: 'submitted',
      submittedAt: DateTime.now(),
    })
    const withMinutes = await create('Ekstraordinær generalforsamling', 30)
    await Minutes.create({
      assemblyId: withMinutes.id,
      version: 1,
      content: { items: [{ title: 'Valg', notes: 'Valgt: Åse Ølund' }] } as never,
      status: 'draft',
      createdBy: 'test',
    })
    const titles = ['Generalforsamling på Ærø', 'Generalforsamling 2026', 'Ekstraordinær']
    const search = (q: string) => shown(client, '/assemblies', q, titles, 'board')
    assert.deepEqual(await search('AEROE'), ['Generalforsamling på Ærø'])
    assert.deepEqual(await search('sondergaard'), ['Generalforsamling 2026'])
    assert.deepEqual(await search('ase olund'), ['Ekstraordinær'])
    assert.deepEqual(await search('ekstraordinaer'), ['Ekstraordinær'])
  })

  test('the invoices, by number and by member', async ({ client, assert }) => {
    await sellerSettings()
    const tier = await tierWithFee()
    const socialt = await member(tier, {
      name: 'Socialt Udviklingscenter SUS',
      cvr: BUYER_CVRS[0],
      merge: { city: 'Vejle' },
    })
    const aeble = await member(tier, {
      name: 'Æblehaven',
      cvr: BUYER_CVRS[1],
      merge: { city: 'Århus' },
    })
    const first = await issueInvoice(socialt.organisation)
    const second = await issueInvoice(aeble.organisation)
    const numbers = [first.number, second.number]
    const search = async (q: string) => {
      const treasurer = await UserFactory.apply('treasurer').create()
      const response = await client.get('/dues/invoices').qs({ q }).loginAs(treasurer)
      response.assertStatus(200)
      return numbers.filter((number) => response.text().includes(`>${number}<`))
    }
    assert.deepEqual(await search('sus'), [first.number])
    assert.deepEqual(await search('ÆBLEHAVEN'), [second.number])
    assert.deepEqual(await search('aeblehaven'), [second.number])
    assert.deepEqual(await search('Aarhus'), [second.number])
    assert.deepEqual(await search(second.number), [second.number])
    assert.deepEqual(await search(''), numbers)
  })

  test('imports fill the folded column too, though they write rows in bulk', async ({
    client,
    assert,
  }) => {
    const imported = await new ImportMembers().handle(
      { file: Buffer.from(FOUNDERS_FILE), fileName: 'medlemmer.csv', dryRun: false },
      Actors.system('test')
    )
    assert.equal(imported.status, 'imported')
    const founders = ['LIVSVÆRK', 'Dansk Socialrådgiverforening', 'Eksempelby Kommune']
    const members = (q: string) => shown(client, '/members', q, founders)
    assert.deepEqual(await members('livsvaerk'), ['LIVSVÆRK'])
    assert.deepEqual(await members('socialraadgiver'), ['Dansk Socialrådgiverforening'])
    assert.deepEqual(await members('hoje-taastrup'), ['Eksempelby Kommune'])
    assert.deepEqual(await members('boern.unge'), ['Eksempelby Kommune'])
    assert.deepEqual(await members('dorte dahl'), ['Dansk Socialrådgiverforening'])

    // A second file that moves a member and renames its contact changes what is found.
    const moved = await new ImportMembers().handle(
      {
        file: Buffer.from(
          memberFile([
            'Navn;Type;CVR;EAN;Adresse;Postnr;By;Kontaktperson;E-mail;Telefon;Indmeldt',
            'LIVSVÆRK;Forening;10150817;;"Nørregade 7; 2. sal";5970;Ærøskøbing;Lene Ølgaard;kontakt@livsvaerk.example.org;+45 20 11 22 33;15-01-2021',
          ])
        ),
        fileName: 'flyttet.csv',
        dryRun: false,
      },
      Actors.system('test')
    )
    assert.equal(moved.status, 'imported')
    assert.deepEqual(await members('aeroskobing'), ['LIVSVÆRK'])
    assert.deepEqual(await members('olgaard'), ['LIVSVÆRK'])
    assert.deepEqual(await members('lene larsen'), [])

    const list = await NewsletterListFactory.with('consentTexts', 1).create()
    const file = [
      'Email Address,First Name,Last Name,OPTIN_TIME',
      'ida@example.org,Ida,Ærø,2021-01-20 09:00:00',
      'bo@example.org,Bo,Åkjær,2022-03-01 10:00:00',
    ].join('\r\n')
    const subscribers = await new ImportSubscribers().handle(
      { listId: list.id, file: Buffer.from(file), fileName: 'audience.csv', dryRun: false },
      Actors.system('test')
    )
    assert.equal(subscribers.status, 'imported')
    const readers = (q: string) =>
      shown(client, '/newsletters/subscribers', q, ['ida@example.org', 'bo@example.org'])
    assert.deepEqual(await readers('aeroe'), ['ida@example.org'])
    assert.deepEqual(await readers('akjaer'), ['bo@example.org'])
  })

  test('rows written before the column existed are folded by the migration’s refold', async ({
    client,
    assert,
  }) => {
    await OrganisationFactory.merge({ name: 'Æblehaven' }).create()
    await db.from('organisations').update({ search_text: '' })
    assert.deepEqual(await shown(client, '/members', 'aeblehaven', ['Æblehaven']), [])
    await refoldSearchText(db.connection(), { organisations: ['name', 'city'] })
    assert.deepEqual(await shown(client, '/members', 'aeblehaven', ['Æblehaven']), ['Æblehaven'])
  })
})
