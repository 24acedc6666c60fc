import { test } from '@japa/runner'
import i18nManager from '@adonisjs/i18n/services/main'
import {
  fieldKey,
  fieldLabel,
  formatAuditValue,
  kindOfField,
  sentenceValues,
  type AuditValueKind,
  type Translate,
} from '#audit/audit_values'

function translator(locale: 'da' | 'en'): Translate {
  const i18n = i18nManager.locale(locale)
  return (key, data, fallback) => i18n.t(key, data, fallback)
}

const da = translator('da')
const en = translator('en')

test.group('Audit values', () => {
  test('fields are known by their model or column name', ({ assert }) => {
    assert.equal(fieldKey('amount_ore'), 'amountOre')
    assert.equal(fieldKey('noticeDays'), 'noticeDays')
    assert.equal(kindOfField('amount_ore'), 'amount_ore')
    assert.equal(kindOfField('reminderFeeOre'), 'amount_ore')
    assert.equal(kindOfField('amount'), 'amount_kroner')
    assert.equal(kindOfField('foundedOn'), 'date')
    assert.equal(kindOfField('confirmed_at'), 'datetime')
    assert.equal(kindOfField('role'), 'role')
    assert.equal(kindOfField('role', 'minutes.signed'), 'signature_role')
    assert.equal(kindOfField('from', 'organisation.status_changed'), 'membership_status')
    assert.equal(kindOfField('from', 'template.saved'), 'text')
    assert.equal(kindOfField('noticeDays'), 'text')
  })

  test('each kind is formatted as the pages show it, in Danish and English', ({ assert }) => {
    const cases: [unknown, AuditValueKind, string, string][] = [
      [125000, 'amount_ore', '1.250,00 kr.', 'DKK 1,250.00'],
      ['1250.00', 'amount_kroner', '1.250,00 kr.', 'DKK 1,250.00'],
      ['-75.50', 'amount_kroner', '-75,50 kr.', 'DKK -75.50'],
      ['2021-01-15', 'date', '15. januar 2021', '15 January 2021'],
      // Summer time: 17:00 UTC is 19.00 in Copenhagen.
      ['2021-06-15T17:00:00.000Z', 'datetime', '15. juni 2021 kl. 19.00', '15 June 2021 at 19:00'],
      // Winter time: 18:00 UTC is 19.00 in Copenhagen.
      [
        '2021-01-15T18:00:00.000Z',
        'datetime',
        '15. januar 2021 kl. 19.00',
        '15 January 2021 at 19:00',
      ],
      [true, 'boolean', 'ja', 'yes'],
      [0, 'boolean', 'nej', 'no'],
      ['treasurer', 'role', 'Kasserer', 'Treasurer'],
      ['resigned', 'membership_status', 'udmeldt', 'resigned'],
      ['kommune', 'organisation_type', 'Kommune', 'Municipality'],
      ['en', 'locale', 'engelsk', 'English'],
      [0, 'text', '0', '0'],
      ['', 'text', '–', '–'],
      [null, 'amount_ore', '–', '–'],
      ['•••', 'text', '•••', '•••'],
    ]
    for (const [value, kind, danish, english] of cases) {
      assert.equal(formatAuditValue(value, kind, da, 'da'), danish, `${kind} ${value} in Danish`)
      assert.equal(formatAuditValue(value, kind, en, 'en'), english, `${kind} ${value} in English`)
    }
  })

  test('a value that is not what its kind expects is shown as it is', ({ assert }) => {
    assert.equal(formatAuditValue('not a number', 'amount_kroner', da, 'da'), 'not a number')
    assert.equal(formatAuditValue('someday', 'date', da, 'da'), 'someday')
    assert.equal(formatAuditValue('unknown_role', 'role', da, 'da'), 'unknown_role')
  })

  test('the bank event reads as a Danish sentence with a Danish amount and date', ({ assert }) => {
    const values = sentenceValues(
      { entry: 'Overførsel', date: '2026-03-02', amount: '1250.00', by: 'hand' },
      'bank.matched',
      da,
      'da'
    )
    assert.equal(
      da('audit.actions.bank.matched', values),
      'Indbetalingen 1.250,00 kr. den 2. marts 2026 blev bogført på fakturaer'
    )
    assert.equal(
      en(
        'audit.actions.bank.matched',
        sentenceValues({ date: '2026-03-02', amount: '1250.00' }, 'bank.matched', en, 'en')
      ),
      'The payment of DKK 1,250.00 on 2 March 2026 was booked on invoices'
    )
  })

  test('fields have labels in both languages', ({ assert }) => {
    assert.equal(
      fieldLabel('noticeDays', da),
      'Indkaldelse til ordinær generalforsamling (dage før)'
    )
    assert.equal(fieldLabel('amount_ore', da), 'Beløb')
    assert.equal(fieldLabel('amount_ore', en), 'Amount')
    assert.equal(fieldLabel('no_such_field', da), 'no_such_field')
  })

  test('mail events say why an address gets no more mail, in both languages', ({ assert }) => {
    const details = { email: 'a@example.org', event: 'hard', reason: 'bounced' }
    assert.equal(
      da(
        'audit.actions.subscriber.suppressed',
        sentenceValues(details, 'subscriber.suppressed', da, 'da')
      ),
      'a@example.org får ikke flere mails (adressen afviser mail)'
    )
    assert.equal(
      en('audit.actions.subscriber.suppressed', { ...details, reason: 'complained' }),
      'a@example.org gets no more mail (complained of spam)'
    )
    assert.equal(
      da('audit.actions.mail_event.soft', details),
      'Mail til a@example.org kunne midlertidigt ikke leveres'
    )
  })
})
