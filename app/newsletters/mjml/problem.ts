/**
 * One thing wrong with a newsletter's MJML, on the line of the source it
 * concerns. `detail` keeps mjml's own English message when `message` is
 * its translation, for searching mjml's documentation.
 */
export type MjmlProblem = { line: number; message: string; detail?: string }
