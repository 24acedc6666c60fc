import env from '#start/env'

/**
 * The MySQL/MariaDB test database is created when missing, so that
 * `DB_CONNECTION=mysql npm test` needs nothing but a running server.
 */
export async function ensureTestDatabase() {
  if (env.get('DB_CONNECTION') !== 'mysql') return
  const name = env.get('MYSQL_DB_NAME') ?? 'kreds_test'
  if (!/^[A-Za-z0-9_]+$/.test(name)) throw new Error(`Unsafe MYSQL_DB_NAME: ${name}`)

  const { createConnection } = await import('mysql2/promise')
  let connection
  try {
    connection = await createConnection({
      host: env.get('MYSQL_HOST') ?? '127.0.0.1',
      port: env.get('MYSQL_PORT') ?? 3306,
      user: env.get('MYSQL_USER') ?? 'root',
      password: env.get('MYSQL_PASSWORD') ?? '',
    })
  } catch (error) {
    throw new Error(
      `The MySQL/MariaDB server for the tests cannot be reached at ${env.get('MYSQL_HOST')}:${env.get('MYSQL_PORT')}: ${(error as Error).message}`
    )
  }
  await connection.query(
    `CREATE DATABASE IF NOT EXISTS \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_danish_ci`
  )
  await connection.end()
}
