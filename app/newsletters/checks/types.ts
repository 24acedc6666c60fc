/**
 * What the checks before sending can find. Each has a fixed severity: a
 * blocking check stops sending and test sending, a warning is shown but
 * lets the secretariat decide.
 */
export const CHECK_SEVERITY = {
  subject_missing: 'blocking',
  preheader_missing: 'warning',
  image_alt_missing: 'blocking',
  image_not_absolute: 'blocking',
  link_text_vague: 'warning',
  link_empty: 'blocking',
  link_fragment: 'blocking',
  link_relative: 'blocking',
  link_javascript: 'blocking',
  link_private_host: 'blocking',
  low_contrast: 'warning',
  heading_skipped: 'warning',
  heading_many_h1: 'warning',
  too_large: 'warning',
  unsubscribe_missing: 'blocking',
  share_missing: 'blocking',
} as const

export type CheckCode = keyof typeof CHECK_SEVERITY

/**
 * One finding. `params` fill the translated message (`newsletters.checks.<code>`);
 * `where` is a short quote of the element concerned (link text, image file,
 * heading text), so the secretariat can find it in the editor.
 */
export type IssueCheck = {
  code: CheckCode
  blocking: boolean
  params: Record<string, string | number>
  where: string | null
}

/** A check with its message in the reader's language, ready for a view. */
export type DescribedCheck = IssueCheck & { message: string }

export function finding(
  code: CheckCode,
  params: Record<string, string | number> = {},
  where: string | null = null
): IssueCheck {
  return { code, blocking: CHECK_SEVERITY[code] === 'blocking', params, where }
}

/** Shortens a quote for a message: whitespace folded, at most `max` characters. */
export function quote(text: string, max = 60) {
  const folded = text.replace(/\s+/g, ' ').trim()
  return folded.length > max ? `${folded.slice(0, max - 1)}…` : folded
}
