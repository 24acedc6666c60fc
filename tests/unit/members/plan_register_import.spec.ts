import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { planRegisterImport } from '#members/register_file/plan_register_import'
import { readRegisterFile } from '#members/register_file/read_register_file'
import { matchKey } from '#members/register_file/match_keys'
import { ContactFactory, OrganisationFactory } from '#database/factories/organisation_factory'

function fileOf(headers: string[], ...rows: string[][]) {
  const read = readRegisterFile(
    {
      headers,
      rows: rows.map((values, index) => ({
        line: index + 2,
        values: Object.fromEntries(headers.map((header, column) => [header, values[column] ?? ''])),
      })),
    },
    { tiers: [] }
  )
  if (read.problems.length) throw new Error(JSON.stringify(read.problems))
  return read.organisations
}

async function planOf(headers: string[], ...rows: string[][]) {
  return planRegisterImport(fileOf(headers, ...rows))
}

test.group('Matching a file to the register', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test('a name matches without case, accents, punctuation or a trailing legal form', ({
    assert,
  }) => {
    assert.equal(matchKey('Metodecentret ApS'), matchKey('metodecentret'))
    assert.equal(matchKey('Fri Af Misbrug, forening'), matchKey('FRI AF MISBRUG'))
    assert.equal(matchKey('Café Åen A/S'), matchKey('cafe aaen'))
    assert.notEqual(matchKey('Dansk Socialrådgiverforening'), matchKey('Dansk Socialrådgiver'))
  })

  test('CVR first: a renamed organisation is the one with its CVR number', async ({ assert }) => {
    const existing = await OrganisationFactory.merge({
      name: 'Gammelt Navn',
      cvr: '10150817',
    }).create()
    const { plans } = await planOf(['Navn', 'CVR'], ['Nyt Navn', '10150817'])
    assert.equal(plans[0].kind, 'changed')
    assert.equal(plans[0].kind !== 'new' && plans[0].existing.id, existing.id)
  })

  test('then EAN, then the name, then a contact’s e-mail', async ({ assert }) => {
    const byEan = await OrganisationFactory.merge({
      name: 'Kommune A',
      type: 'kommune',
      ean: '5798000123458',
    }).create()
    const byName = await OrganisationFactory.merge({ name: 'Metodecentret' }).create()
    const byEmail = await OrganisationFactory.merge({ name: 'Helt Andet Navn' }).create()
    await ContactFactory.merge({
      organisationId: byEmail.id,
      email: 'kontakt@fam.example.org',
    }).create()
    const { plans, problems } = await planOf(
      ['Navn', 'EAN', 'E-mail'],
      ['Kommune A (Børn og Unge)', '5798000123458', ''],
      ['Metodecentret ApS', '', ''],
      ['Fri Af Misbrug', '', 'KONTAKT@fam.example.org']
    )
    assert.deepEqual(problems, [])
    assert.deepEqual(
      plans.map((plan) => (plan.kind === 'new' ? null : plan.existing.id)),
      [byEan.id, byName.id, byEmail.id]
    )
  })

  test('a row that could be two organisations is refused with both named, never guessed', async ({
    assert,
  }) => {
    const first = await OrganisationFactory.merge({ name: 'Første' }).create()
    const second = await OrganisationFactory.merge({ name: 'Anden' }).create()
    await ContactFactory.merge({ organisationId: first.id, email: 'faelles@example.org' }).create()
    await ContactFactory.merge({ organisationId: second.id, email: 'faelles@example.org' }).create()
    const { plans, problems } = await planOf(
      ['Navn', 'E-mail'],
      ['Tredje Navn', 'faelles@example.org']
    )
    assert.lengthOf(plans, 0)
    assert.equal(problems[0].code, 'ambiguous_match')
    assert.equal(problems[0].line, 2)
    assert.include(String(problems[0].params?.candidates), 'Første')
    assert.include(String(problems[0].params?.candidates), 'Anden')
  })

  test('the same name with another CVR number is not the same organisation', async ({ assert }) => {
    await OrganisationFactory.merge({ name: 'Metodecentret', cvr: '12345674' }).create()
    const { problems } = await planOf(['Navn', 'CVR'], ['Metodecentret', '10150817'])
    assert.equal(problems[0].code, 'name_taken')
  })

  test('two rows of the file that match one organisation are refused', async ({ assert }) => {
    await OrganisationFactory.merge({ name: 'Metodecentret', cvr: '10150817' }).create()
    const { problems } = await planOf(
      ['Navn', 'CVR'],
      ['Metodecentret', '10150817'],
      ['Metodecentret ApS', '']
    )
    assert.deepEqual(
      problems.map((problem) => [problem.line, problem.code]),
      [[3, 'duplicate_in_file']]
    )
  })
})
