import type { I18n } from '@adonisjs/i18n'
import type Ballot from '#assemblies/models/ballot'
import type Minutes from '#assemblies/models/minutes'
import type { SignatureRole } from '#assemblies/models/minutes_signature'
import { displayLocale, formatDateTime } from '#shared/formatting'

/** One line describing how a ballot is held: kind, secrecy, majority, quorum, method. */
export function ballotFacts(ballot: Ballot, i18n: I18n) {
  const facts = [
    i18n.t(`assemblies.ballots.kinds.${ballot.kind}`),
    ballot.secret
      ? i18n.t('assemblies.ballots.secret') +
        (ballot.secretRequestedBy
          ? ` (${i18n.t('assemblies.secret.requested_by', { name: ballot.secretRequestedBy })})`
          : '')
      : i18n.t('assemblies.ballots.open_ballot'),
    i18n.t(`assemblies.results.majority_${ballot.majority}`),
  ]
  if (ballot.quorumPercent) {
    facts.push(i18n.t('assemblies.ballots.quorum', { percent: ballot.quorumPercent }))
  }
  if (ballot.method === 'show_of_hands') facts.push(i18n.t('assemblies.ballots.show_of_hands'))
  return facts.join(' · ')
}

/** "Dirigent: underskrevet af … " or "Dirigent: ikke underskrevet". */
export function signatureLine(minutes: Minutes, role: SignatureRole, i18n: I18n) {
  const signature = minutes.signatures.find((candidate) => candidate.role === role)
  const label = i18n.t(`assemblies.minutes.roles.${role}`)
  if (!signature) return `${label}: ${i18n.t('assemblies.minutes.not_signed')}`
  const how = signature.method
    ? ` (${i18n.t(`assemblies.minutes.method_${signature.method}`)})`
    : ''
  return `${label}: ${i18n.t('assemblies.minutes.signed_by', {
    name: signature.name,
    when: formatDateTime(signature.signedAt, displayLocale(i18n)),
  })}${how}`
}
