import { test } from '@japa/runner'
import { writeFile, mkdir } from 'node:fs/promises'
import { existsSync } from 'node:fs'
import app from '@adonisjs/core/services/app'
import testUtils from '@adonisjs/core/services/test_utils'
import { DateTime } from 'luxon'
import AuditEvent from '#audit/models/audit_event'
import {
  UpdateAssociationSettings,
  type AssociationSettingsInput,
} from '#association/actions/update_association_settings'
import { getAssociationSettings } from '#association/queries/get_association_settings'
import { STATUTES_DEFAULTS } from '#association/statutes_defaults'
import { Actors } from '#audit/actor'

function inputFrom(overrides: Partial<AssociationSettingsInput> = {}): AssociationSettingsInput {
  return {
    name: 'Social Talks',
    cvr: null,
    address: null,
    postcode: null,
    city: null,
    email: null,
    phone: null,
    bankRegNo: null,
    bankAccountNo: null,
    fiCreditorNo: null,
    foundedOn: null,
    ...STATUTES_DEFAULTS,
    ...overrides,
  }
}

test.group('UpdateAssociationSettings', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test('a fresh install starts from the statutes defaults', async ({ assert }) => {
    const settings = await getAssociationSettings()
    assert.equal(settings.noticeDays, 14)
    assert.equal(settings.motionDeadlineDays, 7)
    assert.equal(settings.proxiesPerOrganisation, 1)
    assert.isTrue(settings.unpaidDuesRemoveVotingRight)
    assert.isTrue(settings.vatExempt)
    assert.match(settings.vatExemptionText!, /momslovens § 13, stk\. 1, nr\. 4/)
  })

  test('saves the changes and writes one audit event listing them', async ({ assert }) => {
    await getAssociationSettings()
    const result = await new UpdateAssociationSettings().handle(
      inputFrom({ noticeDays: 21, cvr: '10150817', foundedOn: DateTime.fromISO('2021-01-15') }),
      null,
      Actors.system('test')
    )
    assert.equal(result.status, 'updated')

    const settings = await getAssociationSettings()
    assert.equal(settings.noticeDays, 21)
    assert.equal(settings.foundedOn?.toISODate(), '2021-01-15')

    const events = await AuditEvent.query().where('action', 'settings.updated')
    assert.lengthOf(events, 1)
    assert.deepEqual(events[0].changes?.noticeDays, { from: 14, to: 21 })
    assert.properties(events[0].changes!, ['cvr', 'foundedOn', 'noticeDays', 'name'])
  })

  test('saving the same values changes nothing and logs nothing', async ({ assert }) => {
    const action = new UpdateAssociationSettings()
    await action.handle(inputFrom(), null, Actors.system('test'))
    const before = await AuditEvent.query().count('* as total').firstOrFail()
    const result = await action.handle(inputFrom(), null, Actors.system('test'))
    assert.equal(result.status, 'unchanged')
    const after = await AuditEvent.query().count('* as total').firstOrFail()
    assert.equal(Number(after.$extras.total), Number(before.$extras.total))
  })

  test('stores a new logo and removes it again', async ({ assert }) => {
    await mkdir(app.tmpPath('test-uploads'), { recursive: true })
    const source = app.tmpPath('test-uploads/logo.png')
    await writeFile(source, Buffer.from('89504e470d0a1a0a', 'hex'))

    const action = new UpdateAssociationSettings()
    await action.handle(
      inputFrom(),
      { kind: 'replace', sourcePath: source, extname: 'png' },
      Actors.system('test')
    )
    const withLogo = await getAssociationSettings()
    assert.match(withLogo.logoPath!, /^uploads\/association\/logo-.+\.png$/)
    assert.isTrue(existsSync(app.tmpPath(withLogo.logoPath!)))

    await action.handle(inputFrom(), { kind: 'remove' }, Actors.system('test'))
    const withoutLogo = await getAssociationSettings()
    assert.isNull(withoutLogo.logoPath)
    assert.isFalse(existsSync(app.tmpPath(withLogo.logoPath!)))
  })
})
