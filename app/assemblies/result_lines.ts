import type { I18n } from '@adonisjs/i18n'
import type Ballot from '#assemblies/models/ballot'

type StoredResult = Record<string, any>

/**
 * A closed ballot's stored result as lines to read out, show and print:
 * the counts, then what they decided.
 */
export function describeResult(ballot: Ballot, i18n: I18n): string[] {
  const result = ballot.result as StoredResult | null
  if (!result) return []
  const label = (id: string) =>
    ballot.options.find((option) => String(option.id) === id)?.label ?? id
  const t = (key: string, data: Record<string, unknown> = {}) =>
    i18n.t(`assemblies.results.${key}`, data)

  if (result.kind === 'yes_no') {
    const lines = [
      t('yes', { count: result.counts.yes }),
      t('no', { count: result.counts.no }),
      t('blank', { count: result.counts.blank }),
    ]
    if (result.quorumMet !== null) {
      lines.push(
        t(result.quorumMet ? 'quorum_met' : 'quorum_not_met', {
          represented: result.represented,
          entitled: result.entitled,
        })
      )
    }
    lines.push(t(`outcome_${result.outcome}`, { majority: t(`majority_${ballot.majority}`) }))
    if (result.mayRetryWithoutQuorum) lines.push(t('retry_without_quorum'))
    return lines
  }
  if (result.kind === 'choice') {
    const lines = Object.entries(result.counts as Record<string, number>).map(
      ([id, count]) => `${label(id)}: ${count}`
    )
    lines.push(t('blank', { count: result.blank }))
    if (result.tie) lines.push(t('choice_tie', { names: result.winners.map(label).join(', ') }))
    else if (result.winners.length)
      lines.push(t('choice_winner', { name: label(result.winners[0]) }))
    return lines
  }
  const lines = Object.entries(result.votes as Record<string, number>).map(
    ([id, count]) => `${label(id)}: ${count}`
  )
  lines.push(t('blank', { count: result.blank }))
  lines.push(
    t('elected', {
      names: result.elected.length ? result.elected.map(label).join(', ') : '–',
      seats: result.seats,
    })
  )
  if (result.tiedAtCutoff.length) {
    lines.push(t('tied_at_cutoff', { names: result.tiedAtCutoff.map(label).join(', ') }))
  }
  return lines
}
