import { mkdirSync } from 'node:fs'
import { dirname, isAbsolute } from 'node:path'
import env from '#start/env'
import app from '@adonisjs/core/services/app'
import { defineConfig } from '@adonisjs/lucid'

/*
| SQLite is the default so that one command starts Kreds with no server;
| production runs on MySQL 8 or MariaDB 10.6+. One migration history serves both.
*/
const sqlitePath = env.get('SQLITE_PATH') ?? 'tmp/db.sqlite3'
// A relative path is under the app's root; an absolute one is kept as given.
const sqliteFile = isAbsolute(sqlitePath) ? sqlitePath : app.makePath(sqlitePath)
mkdirSync(dirname(sqliteFile), { recursive: true })

const migrations = { naturalSort: true, paths: ['database/migrations'] }

// Models declare their columns themselves; no generated database/schema.ts.
const schemaGeneration = { enabled: false }

const dbConfig = defineConfig({
  connection: env.get('DB_CONNECTION'),
  prettyPrintDebugQueries: false,
  connections: {
    sqlite: {
      client: 'better-sqlite3',
      connection: { filename: sqliteFile },
      useNullAsDefault: true,
      pool: {
        // SQLite leaves foreign keys off unless each connection asks for them.
        afterCreate: (connection: { pragma: (sql: string) => unknown }, done: () => void) => {
          connection.pragma('foreign_keys = ON')
          // Deleted rows are overwritten with zeros rather than left in the file: a closed
          // secret ballot's votes are rewritten, and their old cells must not stay readable.
          connection.pragma('secure_delete = ON')
          connection.pragma('journal_mode = WAL')
          // In WAL mode NORMAL still keeps every commit when the process is killed
          // (only a power cut can lose the last ones) and spares a disk flush per write.
          connection.pragma('synchronous = NORMAL')
          done()
        },
      },
      migrations,
      schemaGeneration,
      seeders: { paths: ['database/seeders'] },
    },
    mysql: {
      client: 'mysql2',
      connection: {
        host: env.get('MYSQL_HOST') ?? '127.0.0.1',
        port: env.get('MYSQL_PORT') ?? 3306,
        user: env.get('MYSQL_USER') ?? 'root',
        password: env.get('MYSQL_PASSWORD') ?? '',
        database: env.get('MYSQL_DB_NAME') ?? 'kreds',
        charset: 'utf8mb4',
        timezone: 'Z',
        dateStrings: false,
      },
      pool: { min: 0, max: 10 },
      migrations,
      schemaGeneration,
      seeders: { paths: ['database/seeders'] },
    },
  },
})

export default dbConfig
