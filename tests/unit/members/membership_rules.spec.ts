import { test } from '@japa/runner'
import { allowedTransitions, canChangeStatus, holdsName, nameKey } from '#members/membership'

test.group('Membership lifecycle', () => {
  test('an applicant becomes a member or is rejected', ({ assert }) => {
    assert.isTrue(canChangeStatus('applicant', 'active'))
    assert.isTrue(canChangeStatus('applicant', 'rejected'))
    assert.isFalse(canChangeStatus('applicant', 'resigned'))
    assert.isFalse(canChangeStatus('applicant', 'expelled'))
  })

  test('a member resigns or is expelled, and cannot go back to applicant', ({ assert }) => {
    assert.deepEqual([...allowedTransitions('active')], ['resigned', 'expelled'])
    assert.isFalse(canChangeStatus('active', 'applicant'))
    assert.isFalse(canChangeStatus('active', 'active'))
  })

  test('resigned and expelled organisations may rejoin', ({ assert }) => {
    for (const from of ['resigned', 'expelled'] as const) {
      assert.isTrue(canChangeStatus(from, 'active'))
      assert.isTrue(canChangeStatus(from, 'applicant'))
    }
    assert.isTrue(canChangeStatus('rejected', 'applicant'))
    assert.isFalse(canChangeStatus('rejected', 'active'))
  })

  test('only applicants and members hold their name', ({ assert }) => {
    assert.isTrue(holdsName('applicant'))
    assert.isTrue(holdsName('active'))
    assert.isFalse(holdsName('resigned'))
    assert.isFalse(holdsName('expelled'))
    assert.isFalse(holdsName('rejected'))
  })
})

test.group('Organisation name keys', () => {
  test('ignore case, accents and spacing', ({ assert }) => {
    assert.equal(nameKey('Dansk Socialrådgiverforening'), nameKey('dansk  socialradgiverforening'))
    assert.equal(nameKey('LIVSVÆRK'), 'livsvaerk')
    assert.equal(nameKey(' Det Sociale   Netværk '), 'det sociale netvaerk')
    assert.equal(nameKey('Fri Af Misbrug'), nameKey('FRI AF MISBRUG'))
    assert.equal(nameKey('Søhus Café'), 'sohus cafe')
  })

  test('keep different names different', ({ assert }) => {
    assert.notEqual(nameKey('Metodecentret'), nameKey('Metodecentret Nord'))
  })
})
