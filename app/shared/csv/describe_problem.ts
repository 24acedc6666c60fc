import type { I18n } from '@adonisjs/i18n'
import { DanishCsvError, readDanishCsv, type DanishCsv } from '#shared/csv/read_danish_csv'

/** A problem in one cell of an imported file, numbered as Excel numbers the row. */
export type CsvProblem = {
  line: number
  column: string
  code: string
  params?: Record<string, string | number>
}

/**
 * `row 4: CVR: 12345678 is not a valid CVR number`, in the reader's language.
 * Each import keeps its messages under `<prefix>.problems.<code>`.
 */
export function describeProblem(problem: CsvProblem, i18n: I18n, prefix = 'members.import') {
  const message = i18n.t(`${prefix}.problems.${problem.code}`, problem.params ?? {})
  const column = problem.column ? `${problem.column}: ` : ''
  return `${i18n.t('members.import.row')} ${problem.line}: ${column}${message}`
}

/**
 * Reads an uploaded file, or says on which row it cannot be read: the answer
 * every import gives for a broken file.
 */
export function readCsvOrProblem(
  file: Buffer
): { csv: DanishCsv } | { problem: CsvProblem & { code: 'unreadable' } } {
  try {
    return { csv: readDanishCsv(file) }
  } catch (error) {
    if (!(error instanceof DanishCsvError)) throw error
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
