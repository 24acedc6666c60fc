import type { QueryClientContract } from '@adonisjs/lucid/types/database'

/**
 * Whether `FOR UPDATE` means anything here. SQLite lets one writer in at a
 * time already (and knex warns about the clause); MySQL and MariaDB need it.
 */
export function supportsRowLocks(client: QueryClientContract) {
  return !client.dialect.name.includes('sqlite')
}
