import type { I18n } from '@adonisjs/i18n'
import {
  DanishCsvError,
  readDanishCsv,
  type DanishCsv,
  type DanishCsvLimit,
} from '#shared/csv/read_danish_csv'

/** A problem in one cell of an imported file, numbered as Excel numbers the row. */
export type CsvProblem = {
  line: number
  column: string
  code: string
  params?: Record<string, string | number>
}

/**
 * Problems listed for one file. A file where every row is wrong would
 * otherwise list hundreds of thousands, and the page showing them would
 * take longer to build than the check.
 */
export const MAX_LISTED_PROBLEMS = 200

/** Said last when a file has more problems than are listed, on the row the check stopped at. */
export function moreProblems(line: number) {
  return {
    line,
    column: '',
    code: 'too_many_problems' as const,
    params: { max: MAX_LISTED_PROBLEMS },
  }
}

/**
 * `row 4: CVR: 12345678 is not a valid CVR number`, in the reader's language.
 * Each import keeps its messages under `<prefix>.problems.<code>`.
 */
export function describeProblem(problem: CsvProblem, i18n: I18n, prefix = 'members.import') {
  const message = i18n.t(`${prefix}.problems.${problem.code}`, withReasonInWords(problem, i18n))
  const column = problem.column ? `${problem.column}: ` : ''
  return `${i18n.t('members.import.row')} ${problem.line}: ${column}${message}`
}

/**
 * Why a file cannot be read, in words rather than as the reason's code
 * (`unclosed_quote`), where `spreadsheet.reasons` has words for it.
 */
function withReasonInWords(problem: CsvProblem, i18n: I18n) {
  const params = problem.params ?? {}
  const key = `spreadsheet.reasons.${params.reason}`
  if (problem.code !== 'unreadable' || !i18n.hasMessage(key)) return params
  return { ...params, reason: i18n.t(key, params) }
}

/**
 * Reads an uploaded file, or says on which row it cannot be read: the answer
 * every import gives for a broken file. A file beyond a limit gets its own
 * message naming the limit, so the user knows what to split or cut.
 */
export function readCsvOrProblem(
  file: Buffer
): { csv: DanishCsv } | { problem: CsvProblem & { code: 'unreadable' | DanishCsvLimit } } {
  try {
    return { csv: readDanishCsv(file) }
  } catch (error) {
    if (!(error instanceof DanishCsvError)) throw error
    if (error.limit) {
      const { max, column, actual } = error.limit
      return {
        problem: {
          line: error.row,
          column: column ?? '',
          code: error.reason as DanishCsvLimit,
          params: { max, actual: actual ?? max },
        },
      }
    }
    return {
      problem: {
        line: error.row,
        column: '',
        code: 'unreadable',
        params: { reason: error.reason },
      },
    }
  }
}
