import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import {
  attributeValue,
  errorSummaryItems,
  FormLabels,
  isActiveForm,
  isTicked,
  shownValue,
} from '#shared/form_fields'

/** The session's flash store as the views see it: has() is false for "" as in @adonisjs/session. */
function flash(values: Record<string, unknown>) {
  return {
    has: (key: string) => Boolean(values[key]),
    get: (key: string) => values[key],
  }
}

test.group('Form fields', () => {
  test('0, "" and a missing value stay three different values', ({ assert }) => {
    assert.strictEqual(attributeValue(0), '0')
    assert.strictEqual(attributeValue(''), '')
    assert.isUndefined(attributeValue(null))
    assert.isUndefined(attributeValue(undefined))
    assert.strictEqual(attributeValue(12.5), '12.5')
    assert.strictEqual(attributeValue(DateTime.fromISO('2021-01-15')), '2021-01-15')
  })

  test('attribute values are escaped: html.attrs() writes them as they are', ({ assert }) => {
    assert.strictEqual(
      attributeValue('Vesterbrogade 1, 2. "th" & Co\'s <b>'),
      'Vesterbrogade 1, 2. &quot;th&quot; &amp; Co&#39;s &lt;b&gt;'
    )
    assert.strictEqual(
      attributeValue('"><script>x</script>'),
      '&quot;&gt;&lt;script&gt;x&lt;/script&gt;'
    )
  })

  test('what was typed wins over the stored value, even when it is 0 or empty', ({ assert }) => {
    assert.strictEqual(shownValue(flash({ days: '0' }), 'days', 14), '0')
    // An emptied field stays empty, not the stored value.
    assert.strictEqual(shownValue(flash({ days: '' }), 'days', 14), '')
    assert.strictEqual(shownValue(flash({}), 'days', 0), 0)
  })

  test('a box unticked in a failed submission stays unticked', ({ assert }) => {
    assert.isTrue(isTicked(flash({}), 'vat', true))
    assert.isFalse(isTicked(flash({}), 'vat', false))
    assert.isFalse(isTicked(flash({}), 'vat', 0))
    assert.isFalse(isTicked(flash({}), 'vat', null))
    assert.isFalse(isTicked(flash({ inputErrorsBag: { name: ['x'] } }), 'vat', true))
    assert.isTrue(isTicked(flash({ inputErrorsBag: {}, vat: '1' }), 'vat', false))
    assert.isFalse(isTicked(flash({ vat: '0' }), 'vat', true))
  })

  test('the summary names each field by its label and links to it', ({ assert }) => {
    const labels = new FormLabels()
    labels.set('notice_days', 'Indkaldelsesfrist (dage)')
    labels.set('notice_days', 'a second field of the same name does not rename it')
    const items = errorSummaryItems(
      { notice_days: ['Skal være mellem 1 og 90.'], other: ['Skal udfyldes.', 'Og mere.'] },
      labels
    )
    assert.deepEqual(items, [
      {
        field: 'notice_days',
        href: '#field-notice_days',
        text: 'Indkaldelsesfrist (dage): Skal være mellem 1 og 90.',
      },
      { field: 'other', href: '#field-other', text: 'Skal udfyldes. Og mere.' },
    ])
    assert.deepEqual(errorSummaryItems(undefined, labels), [])
    assert.deepEqual(errorSummaryItems('not a bag', labels), [])
  })

  test('a field on a page of several like forms links to its own input', ({ assert }) => {
    const labels = new FormLabels()
    labels.set('email', 'E-mail', 'new-contact-email')
    assert.deepEqual(errorSummaryItems({ email: ['Skal være en gyldig e-mailadresse.'] }, labels), [
      {
        field: 'email',
        href: '#new-contact-email',
        text: 'E-mail: Skal være en gyldig e-mailadresse.',
      },
    ])
  })

  test('only the form that failed takes back what was typed', ({ assert }) => {
    const motionFailed = flash({ _form: 'motion', title: 'Nye vedtægter' })
    assert.isTrue(isActiveForm(motionFailed, 'motion'))
    assert.isFalse(isActiveForm(motionFailed, 'agenda'))
    assert.isFalse(isActiveForm(motionFailed, null), 'a form that names no form')
    assert.isTrue(isActiveForm(flash({ title: 'x' }), null))
    assert.isFalse(isActiveForm(flash({ title: 'x' }), 'motion'))
    // Another form's failure leaves this form's boxes as stored.
    assert.isTrue(isTicked(flash({ inputErrorsBag: { body: ['x'] } }), 'vat', true, false))
  })
})
