import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { ImportMembers } from '#members/actions/import_members'
import { Actors } from '#audit/actor'
import { emptyRegister } from '#tests/helpers/register_snapshot'
import { memberFile } from '#tests/helpers/member_files'

const LATE = 'sidst@forening-490.example.org'

/**
 * A trigger that refuses one contact: the database itself fails the write on
 * a late row, after hundreds of organisations and contacts were inserted in
 * the same transaction. Not in a test transaction, since MySQL commits one
 * at every CREATE TRIGGER.
 */
async function refuseContact(email: string) {
  if (db.connection().dialect.name.includes('sqlite')) {
    await db.rawQuery(`CREATE TRIGGER refuse_contact BEFORE INSERT ON contacts
      WHEN NEW.email = '${email}' BEGIN SELECT RAISE(ABORT, 'refused by test'); END`)
  } else {
    await db.rawQuery(`CREATE TRIGGER refuse_contact BEFORE INSERT ON contacts FOR EACH ROW
      BEGIN IF NEW.email = '${email}' THEN SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'refused by test'; END IF; END`)
  }
}

test.group('An import that fails while writing', (group) => {
  group.each.setup(async () => {
    await emptyRegister()
    await db.from('audit_events').delete()
    await db.from('import_files').delete()
    return async () => {
      await db.rawQuery('DROP TRIGGER IF EXISTS refuse_contact')
      await emptyRegister()
      await db.from('audit_events').delete()
      await db.from('import_files').delete()
    }
  })

  test('a constraint violation on row 491 of 500 leaves no organisation, contact, status, log entry or file', async ({
    assert,
  }) => {
    await refuseContact(LATE)
    const rows = Array.from({ length: 500 }, (_, index) => {
      const n = index + 1
      const email = n === 490 ? LATE : `kontakt@forening-${n}.example.org`
      return `Forening ${n};Forening;Kontakt ${n};${email};02-03-2026`
    })
    const file = Buffer.from(memberFile(['Navn;Type;Kontaktperson;E-mail;Indmeldt', ...rows]))

    await assert.rejects(
      () =>
        new ImportMembers().handle(
          { file, fileName: 'medlemmer.csv', dryRun: false },
          Actors.system('test')
        ),
      /refused by test/
    )
    for (const table of [
      'organisations',
      'contacts',
      'organisation_status_changes',
      'audit_events',
      'import_files',
      'subscribers',
    ]) {
      const row = await db.from(table).count('* as total').first()
      assert.equal(Number(row.total), 0, `${table} is empty`)
    }
  })
})
