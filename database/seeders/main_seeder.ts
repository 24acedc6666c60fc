import { BaseSeeder } from '@adonisjs/lucid/seeders'
import db from '@adonisjs/lucid/services/db'
import { seedDemoData } from '#database/demo/demo_data'

/** Tables whose rows mean someone's data is here: demo data must never be mixed into it. */
const DATA_TABLES = [
  'users',
  'organisations',
  'subscribers',
  'newsletter_issues',
  'invoices',
  'assemblies',
] as const

/**
 * `node ace db:seed`: the demo data, into an empty development database
 * only. Lucid skips it in production (`environment`); a database that holds
 * data, or has not been migrated, is refused with a message saying what to do.
 */
export default class MainSeeder extends BaseSeeder {
  static environment = ['development', 'testing']

  async run() {
    const held = await rowsHeld()
    if (held === null)
      throw new Error('The database has no tables yet: run `node ace migration:run` first.')
    if (held.length > 0)
      throw new Error(
        `The database already holds data (${held.join(', ')}); db:seed fills only an empty database with the demo data. Use another database, or start over in development with \`node ace migration:fresh --seed\`.`
      )
    await seedDemoData()
  }
}

/** "3 users", "12 organisations", … for each data table with rows; null before the first migration. */
async function rowsHeld() {
  if (!(await db.connection().schema.hasTable('users'))) return null
  const held: string[] = []
  for (const table of DATA_TABLES) {
    const row = await db.from(table).count('* as total').first()
    const total = Number(row?.total ?? 0)
    if (total > 0) held.push(`${total} ${table}`)
  }
  return held
}
