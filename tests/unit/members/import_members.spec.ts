import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import i18nManager from '@adonisjs/i18n/services/main'
import Organisation from '#members/models/organisation'
import Contact from '#members/models/contact'
import db from '@adonisjs/lucid/services/db'
import AuditEvent from '#audit/models/audit_event'
import { ImportMembers } from '#members/actions/import_members'
import { describeProblem } from '#shared/csv/describe_problem'
import { Actors } from '#audit/actor'
import { OrganisationFactory } from '#database/factories/organisation_factory'
import { encode, FOUNDERS_FILE, memberFile } from '#tests/helpers/member_files'

const importer = Actors.system('members:import test')
const run = (file: Buffer | string, dryRun = false) =>
  new ImportMembers().handle(
    { file: Buffer.from(file), fileName: 'medlemmer.csv', dryRun },
    importer
  )
const english = () => i18nManager.locale('en')
const namesOf = (result: Awaited<ReturnType<typeof run>>, kind: 'new' | 'changed' | 'unchanged') =>
  (result.plan?.plans ?? [])
    .filter((plan) => plan.kind === kind)
    .map((plan) => plan.row.fields.name)

test.group('ImportMembers', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test('reads the file saved as {$self} into the same organisations, æøå intact')
    .with(['utf-8', 'utf-8-bom', 'windows-1252'] as const)
    .run(async ({ assert }, encoding) => {
      const result = await run(encode(FOUNDERS_FILE, encoding))
      assert.equal(result.status, 'imported')
      if (result.status !== 'imported') return
      assert.equal(result.plan.table.encoding, encoding)
      assert.lengthOf(namesOf(result, 'new'), 4)

      const organisations = await Organisation.query().preload('contacts').orderBy('name')
      const snapshot = organisations.map((o) => ({
        name: o.name,
        type: o.type,
        legalForm: o.legalForm,
        cvr: o.cvr,
        ean: o.ean,
        address: o.address,
        postcode: o.postcode,
        city: o.city,
        joinedOn: o.joinedOn?.toISODate(),
        status: o.status,
        contact: o.contacts.map((c) => [c.name, c.email, c.phone, c.isPrimary]),
      }))
      assert.deepEqual(snapshot[0], {
        name: 'Center for Praksisforskning',
        type: 'andet',
        legalForm: 'Forlag',
        cvr: null,
        ean: null,
        address: null,
        postcode: '5230',
        city: 'Odense M',
        joinedOn: snapshot[0].joinedOn,
        status: 'active',
        contact: [['Peter Poulsen', 'praksis@forskning.example.org', null, true]],
      })
      assert.deepInclude(snapshot, {
        name: 'Eksempelby Kommune',
        type: 'kommune',
        legalForm: 'Kommune',
        cvr: null,
        ean: '5798000123458',
        address: 'Rådhuspladsen 1\nIndgang B',
        postcode: '0800',
        city: 'Høje-Taastrup',
        joinedOn: '2026-03-01',
        status: 'active',
        contact: [['Karin Kristensen', 'boern.unge@eksempelby.example.org', null, true]],
      })
      assert.deepInclude(snapshot, {
        name: 'LIVSVÆRK',
        type: 'ngo',
        legalForm: 'Forening',
        cvr: '10150817',
        ean: null,
        address: 'Nørregade 7; 2. sal',
        postcode: '1165',
        city: 'København K',
        joinedOn: '2021-01-15',
        status: 'active',
        contact: [['Lene Larsen', 'kontakt@livsvaerk.example.org', '+45 20 11 22 33', true]],
      })
      assert.equal(
        snapshot.find((o) => o.name === 'Dansk Socialrådgiverforening')?.legalForm,
        'Fagforening'
      )
      assert.deepEqual(result.plan.unrecognisedTypes, [{ line: 6, text: 'Forlag' }])
    })

  test('a long file: every new member gets its status and primary contact, and the import one log entry with the file', async ({
    assert,
  }) => {
    const rows = Array.from(
      { length: 260 },
      (_, i) =>
        `Forening nr. ${i + 1};Forening;;;;;;Person ${i + 1};p${i + 1}@example.org;;02-03-2026`
    )
    const result = await run(
      memberFile([
        'Navn;Type;CVR;EAN;Adresse;Postnr;By;Kontaktperson;E-mail;Telefon;Indmeldt',
        ...rows,
      ])
    )
    assert.equal(result.status, 'imported')
    const organisations = await Organisation.query()
      .preload('contacts')
      .preload('statusChanges')
      .orderBy('id')
    assert.lengthOf(organisations, 260)
    const last = organisations.find((o) => o.name === 'Forening nr. 260')!
    assert.equal(last.status, 'active')
    assert.equal(last.currentNameKey, last.nameKey)
    assert.equal(last.joinedOn?.toISODate(), '2026-03-02')
    assert.deepEqual(
      last.contacts.map((c) => [c.name, c.email, c.isPrimary]),
      [['Person 260', 'p260@example.org', true]]
    )
    assert.deepEqual(
      last.statusChanges.map((c) => [c.fromStatus, c.toStatus, c.reason]),
      [[null, 'active', 'Importeret fra medlemmer.csv']]
    )
    const events = await AuditEvent.query().where('action', 'register.imported')
    assert.lengthOf(events, 1)
    assert.include(events[0].details, { file: 'medlemmer.csv', created: 260, changed: 0 })
    assert.equal(events[0].actorLabel, 'members:import test')
    const stored = await db
      .from('import_files')
      .where('id', Number(events[0].subjectId))
      .firstOrFail()
    assert.equal(Buffer.from(stored.content).toString('utf8').split('\r\n').length, 262)
    assert.lengthOf(JSON.parse(stored.changes).organisations, 260)
    assert.isTrue(
      organisations.every((o) => o.contacts.length === 1 && o.statusChanges.length === 1)
    )
  })

  test('importing the same file again changes nothing', async ({ assert }) => {
    await run(FOUNDERS_FILE)
    const eventsBefore = (await AuditEvent.all()).length
    const again = await run(encode(FOUNDERS_FILE, 'windows-1252'))
    assert.equal(again.status, 'imported')
    if (again.status !== 'imported') return
    assert.deepEqual(
      [
        namesOf(again, 'new').length,
        namesOf(again, 'changed').length,
        namesOf(again, 'unchanged').length,
      ],
      [0, 0, 4]
    )
    assert.isFalse(again.written)
    assert.lengthOf(await Organisation.all(), 4)
    assert.lengthOf(await Contact.all(), 4)
    assert.lengthOf(await AuditEvent.all(), eventsBefore)
  })

  test('one bad row imports nothing and every problem is named by row and column', async ({
    assert,
  }) => {
    const file = memberFile([
      'Navn;Type;CVR;EAN;Adresse;Postnr;By;Kontaktperson;E-mail;Telefon;Indmeldt',
      'God Forening;Forening;10150817;;"Vej 1\r\nBaghuset";8000;Aarhus;Ann;ann@example.org;;15-01-2021',
      ';Forening;12345678;;;80000;;Bo;bo@example;5,79001E+12;31-02-2021',
      'Eksempel Kommune;Kommune;;;;;;Kim;kim@example.org;;',
      'Ny Kommune;Kommune;;5,79001E+12;;;;Jo;jo@example.org;;',
      'Anden Forening;Forening;10150817;;;;;Cy;cy@example.org;;',
    ])
    const result = await run(file)
    assert.equal(result.status, 'invalid')
    if (result.status !== 'invalid') return
    assert.deepEqual(
      result.problems.map((problem) => describeProblem(problem, english())),
      [
        'row 3: Navn: is required',
        'row 3: CVR: 12345678 is not a valid CVR number',
        'row 3: Postnr: 80000 is not a postcode',
        'row 3: Indmeldt: 31-02-2021 is not a date (write dd-mm-yyyy)',
        'row 3: E-mail: bo@example is not a valid e-mail address',
        'row 3: Telefon: Excel turned the number into 5,79001E+12 and lost its digits. Format the column as text in Excel and save the file again',
        'row 4: EAN: municipalities and regions must have an EAN number',
        'row 5: EAN: Excel turned the number into 5,79001E+12 and lost its digits. Format the column as text in Excel and save the file again',
        'row 6: CVR: also appears in row 2',
      ]
    )
    assert.lengthOf(await Organisation.all(), 0)
    assert.lengthOf(await AuditEvent.all(), 0)
  })

  test('reads English headers in any order and names the columns it does not know', async ({
    assert,
  }) => {
    const file = memberFile([
      'E-mail;Name;Member number;Postcode;Contact person;Joined;Type',
      'ann@example.org;Anns Fond;17;2100;Ann Andersen;2021-01-15;Foundation',
    ])
    const result = await run(file)
    assert.equal(result.status, 'imported')
    if (result.status !== 'imported') return
    assert.deepEqual(result.plan.unknownColumns, ['Member number'])
    const organisation = await Organisation.firstOrFail()
    assert.deepInclude(organisation.$attributes, {
      name: 'Anns Fond',
      type: 'fond',
      postcode: '2100',
    })
    assert.equal(organisation.joinedOn?.toISODate(), '2021-01-15')
  })

  test('a file without a name column says so', async ({ assert }) => {
    const result = await run(memberFile(['Kontaktperson;By', 'Ann;Aarhus']))
    assert.equal(result.status, 'invalid')
    if (result.status !== 'invalid') return
    assert.deepEqual(
      result.problems.map((problem) => describeProblem(problem, english())),
      ['row 1: Navn: the column is missing from the file']
    )
  })

  test('matches by CVR, so a renamed member is updated rather than added', async ({ assert }) => {
    const existing = await OrganisationFactory.merge({
      name: 'Gammelt Navn',
      cvr: '10150817',
    }).create()
    const addressBefore = existing.address
    const result = await run(
      memberFile([
        'Navn;CVR;Kontaktperson;E-mail;By',
        'Nyt Navn;10150817;Ann;ann@example.org;Odense',
      ])
    )
    assert.equal(result.status, 'imported')
    if (result.status !== 'imported') return
    assert.deepEqual(namesOf(result, 'changed'), ['Nyt Navn'])
    await existing.refresh()
    assert.equal(existing.name, 'Nyt Navn')
    assert.equal(existing.city, 'Odense')
    // A column the file lacks leaves the field alone.
    assert.isNotNull(addressBefore)
    assert.equal(existing.address, addressBefore)
    const event = await AuditEvent.query().where('action', 'register.imported').firstOrFail()
    const stored = await db.from('import_files').where('id', Number(event.subjectId)).firstOrFail()
    assert.deepInclude(JSON.parse(stored.changes).organisations[0].changes, {
      column: 'Navn',
      from: 'Gammelt Navn',
      to: 'Nyt Navn',
    })
  })

  test('refuses a row whose name another member holds', async ({ assert }) => {
    await OrganisationFactory.merge({ name: 'Metodecentret', cvr: '12345674' }).create()
    const result = await run(
      memberFile(['Navn;CVR;Kontaktperson;E-mail', 'Metodecentret;10150817;Ann;ann@example.org'])
    )
    assert.equal(result.status, 'invalid')
    if (result.status !== 'invalid') return
    assert.equal(
      describeProblem(result.problems[0], english()),
      'row 2: Navn: another organisation in the register already has this name'
    )
  })

  test('a dry run reports and writes nothing', async ({ assert }) => {
    const result = await run(FOUNDERS_FILE, true)
    assert.equal(result.status, 'checked')
    assert.lengthOf(await Organisation.all(), 0)
  })

  test('a file with an unclosed quote is refused with its row', async ({ assert }) => {
    const result = await run(memberFile(['Navn;Kontaktperson;E-mail', 'Ann;"Ann;ann@example.org']))
    assert.equal(result.status, 'invalid')
    if (result.status !== 'invalid') return
    assert.match(describeProblem(result.problems[0], english()), /^row 2: the file cannot be read/)
  })
})
