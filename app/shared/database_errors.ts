/**
 * Errors that mean "the database cannot be reached" rather than a bug: a
 * server that is down, wrong credentials, a missing database, a file that
 * cannot be opened. They get a plain message, never a stack trace.
 */
const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'PROTOCOL_CONNECTION_LOST',
  'ER_ACCESS_DENIED_ERROR',
  'ER_BAD_DB_ERROR',
  'ER_DBACCESS_DENIED_ERROR',
  'SQLITE_CANTOPEN',
  'SQLITE_NOTADB',
  'KnexTimeoutError',
])

export function isDatabaseUnreachable(error: unknown): boolean {
  if (!error || typeof error !== 'object') return false
  const candidate = error as { code?: string; name?: string; errors?: unknown[]; cause?: unknown }
  if (candidate.code && UNREACHABLE_CODES.has(candidate.code)) return true
  if (candidate.name && UNREACHABLE_CODES.has(candidate.name)) return true
  // mysql2 reports a refused dual-stack connection as an AggregateError.
  if (Array.isArray(candidate.errors) && candidate.errors.some(isDatabaseUnreachable)) return true
  return (
    candidate.cause !== undefined &&
    candidate.cause !== error &&
    isDatabaseUnreachable(candidate.cause)
  )
}

/** One line for a console or a log: what was tried and what went wrong. */
export function describeDatabaseError(error: unknown, target: string) {
  const candidate = (error ?? {}) as { code?: string; message?: string }
  const reason = candidate.code ?? candidate.message ?? String(error)
  return `The database cannot be reached (${target}): ${reason}`
}
