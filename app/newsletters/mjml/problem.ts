/** One thing wrong with a newsletter's MJML, on the line of the source it concerns. */
export type MjmlProblem = { line: number; message: string }
