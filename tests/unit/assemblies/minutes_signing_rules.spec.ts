import { test } from '@japa/runner'
import { createHash } from 'node:crypto'
import {
  canonicalJson,
  minutesDigest,
  sameMinutesContent,
  signedMinutesText,
} from '#assemblies/rules/minutes_digest'
import { checkSigner } from '#assemblies/rules/minutes_signers'
import type { MinutesContent } from '#assemblies/models/minutes'

const content = {
  statement: 'Lovligt indkaldt.',
  dirigent: 'Mette Sørensen',
  referent: 'Jens Nielsen',
  items: [{ position: 1, title: 'Valg af dirigent', notes: 'Valgt.', motions: [], ballots: [] }],
} as unknown as MinutesContent

test.group('Minutes digest', () => {
  test('canonical JSON sorts keys at every depth and keeps arrays in order', ({ assert }) => {
    assert.equal(
      canonicalJson({ b: 1, a: { d: [3, 1], c: null } }),
      '{"a":{"c":null,"d":[3,1]},"b":1}'
    )
    assert.equal(canonicalJson({ a: undefined, b: 'ø' }), '{"b":"ø"}')
  })

  test('the hash is SHA-256 of exactly the signed text, and any change of text, version or assembly changes it', ({
    assert,
  }) => {
    const signed = { assemblyId: 1, version: 1, content }
    const text = signedMinutesText(signed)
    assert.equal(minutesDigest(signed), createHash('sha256').update(text, 'utf8').digest('hex'))
    const reordered = Object.fromEntries(Object.entries(content).reverse()) as MinutesContent
    assert.equal(minutesDigest({ ...signed, content: reordered }), minutesDigest(signed))
    assert.isTrue(sameMinutesContent(reordered, content))
    const edited = { ...content, statement: 'Lovligt indkaldt!' } as MinutesContent
    assert.notEqual(minutesDigest({ ...signed, content: edited }), minutesDigest(signed))
    assert.isFalse(sameMinutesContent(edited, content))
    assert.notEqual(minutesDigest({ ...signed, version: 2 }), minutesDigest(signed))
    assert.notEqual(minutesDigest({ ...signed, assemblyId: 2 }), minutesDigest(signed))
  })
})

test.group('Who may sign the minutes', () => {
  const base = {
    role: 'dirigent' as const,
    holderName: 'Mette Sørensen',
    holderEmail: 'mette@example.org',
    signerEmail: 'mette@example.org',
    otherRoleSignedBy: null,
  }

  test('the role holder, by the address the assembly gives, in any case', ({ assert }) => {
    assert.isNull(checkSigner(base))
    assert.isNull(checkSigner({ ...base, signerEmail: ' Mette@Example.org ' }))
  })

  test('nobody else, nobody without a name or address for the role, nobody twice', ({ assert }) => {
    assert.equal(checkSigner({ ...base, signerEmail: 'bestyrelse@example.org' }), 'not_role_holder')
    assert.equal(checkSigner({ ...base, holderName: null }), 'no_name')
    assert.equal(checkSigner({ ...base, holderEmail: null }), 'no_holder')
    assert.equal(checkSigner({ ...base, otherRoleSignedBy: 'METTE@example.org' }), 'same_person')
  })
})
