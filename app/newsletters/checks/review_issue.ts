import { compileIssue } from '#newsletters/actions/compile_issue'
import type { HouseStyle } from '#newsletters/compose/house_template'
import type { MjmlProblem } from '#newsletters/mjml/problem'
import type { PlaceholderValues } from '#newsletters/compose/placeholders'
import { checkIssue } from './check_issue.js'
import type { IssueCheck } from './types.js'

/** What the secretariat wrote, saved or not. */
export type DraftIssue = { subject: string | null; preheader: string | null; bodyMjml: string }

/** The association's settings as the house template needs them. */
export type AssociationStyle = Omit<HouseStyle, 'title' | 'lang'>

export type IssueReview = {
  /** The compiled HTML as it will be sent (lang and title in it); null when the MJML has problems. */
  html: string | null
  /** MJML problems, by the editor's lines: nothing can be checked or sent until these are fixed. */
  problems: MjmlProblem[]
  /** The checks before sending, over the compiled HTML. */
  checks: IssueCheck[]
  /** What stops sending: every MJML problem and every blocking check. */
  blocking: number
}

/**
 * The language the sent HTML declares. The association has no language
 * setting yet; its members read Danish, which is also the app's default.
 */
export const ISSUE_LANGUAGE = 'da'

function houseStyle(settings: AssociationStyle, subject: string | null): HouseStyle {
  // Copied field by field: settings may be a Lucid model, whose columns do not spread.
  return {
    name: settings.name,
    address: settings.address,
    postcode: settings.postcode,
    city: settings.city,
    email: settings.email,
    title: subject,
    lang: ISSUE_LANGUAGE,
    brandColour: settings.brandColour,
    logoPath: settings.logoPath,
  }
}

/**
 * Compiles an issue as it will be sent and runs the checks on the result.
 * Sending, test sending, the send page and the composer's preview all use
 * this, so what the secretariat is shown is what sending decides on.
 */
export async function reviewIssue(
  issue: DraftIssue,
  settings: AssociationStyle,
  reader?: PlaceholderValues
): Promise<IssueReview> {
  const compiled = await compileIssue(
    issue.bodyMjml,
    houseStyle(settings, issue.subject),
    issue.preheader
  )
  if (!compiled.html) {
    return {
      html: null,
      problems: compiled.problems,
      checks: [],
      blocking: compiled.problems.length,
    }
  }
  const checks = checkIssue({
    subject: issue.subject,
    preheader: issue.preheader,
    html: compiled.html,
    reader,
  })
  return {
    html: compiled.html,
    problems: [],
    checks,
    blocking: checks.filter((check) => check.blocking).length,
  }
}
