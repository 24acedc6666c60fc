import { BaseCommand } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'

/**
 * Run by `npm run dev` before the server starts: migrates the database and,
 * outside production, fills an empty one with the demo data, then prints the
 * demo logins.
 */
export default class KredsPrepare extends BaseCommand {
  static commandName = 'kreds:prepare'
  static description = 'Migrate the database and seed demo data into an empty development database'
  static options: CommandOptions = { startApp: true }

  async run() {
    const { default: db } = await import('@adonisjs/lucid/services/db')
    const { MigrationRunner } = await import('@adonisjs/lucid/migration')
    const { describeDatabaseError, isDatabaseUnreachable } = await import('#shared/database_errors')
    const connection = db.primaryConnectionName

    try {
      await db.rawQuery('SELECT 1')
    } catch (error) {
      this.logger.error(describeDatabaseError(error, connection))
      if (connection === 'mysql') {
        this.logger.info(
          'Check MYSQL_HOST, MYSQL_PORT, MYSQL_USER, MYSQL_PASSWORD and MYSQL_DB_NAME in .env.'
        )
      }
      this.exitCode = 1
      return
    }

    const migrator = new MigrationRunner(db, this.app, {
      direction: 'up',
      connectionName: connection,
    })
    await migrator.run()
    if (migrator.error) {
      const message = isDatabaseUnreachable(migrator.error)
        ? describeDatabaseError(migrator.error, connection)
        : `Migration failed: ${migrator.error.message}`
      this.logger.error(message)
      this.exitCode = 1
      return
    }
    const applied = Object.keys(migrator.migratedFiles).length
    this.logger.info(
      applied
        ? `Applied ${applied} migration(s) on ${connection}`
        : `Database ${connection} is up to date`
    )

    if (this.app.inProduction) return

    const { seedDemoData, DEMO_PASSWORD, DEMO_ACCOUNTS } = await import('#database/demo/demo_data')
    const { demoBankStatementPath } = await import('#database/demo/demo_bank_statement')
    const { existsSync } = await import('node:fs')
    const { relative } = await import('node:path')
    const seeded = await seedDemoData()
    if (seeded) this.logger.info('Filled the empty database with demo data')

    const sticker = this.ui.sticker().heading(`Kreds demo logins, password ${DEMO_PASSWORD}`)
    for (const account of DEMO_ACCOUNTS) sticker.add(`${account.email.padEnd(26)} ${account.role}`)
    const { default: env } = await import('#start/env')
    sticker.add(env.get('APP_URL'))
    const statement = demoBankStatementPath()
    if (existsSync(statement)) {
      sticker.add(`Demo bank statement to import: ${relative(this.app.makePath(), statement)}`)
    }
    sticker.render()
  }
}
