/** A unique key refused the row (SQLite and MySQL/MariaDB word it differently). */
export function isUniqueViolation(error: unknown) {
  const code = (error as { code?: string } | null)?.code
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'ER_DUP_ENTRY'
}
