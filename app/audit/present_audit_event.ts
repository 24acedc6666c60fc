import type { I18n } from '@adonisjs/i18n'
import { displayLocale, type DisplayLocale } from '#shared/formatting'
import {
  fieldLabel,
  formatAuditValue,
  kindOfField,
  sentenceValues,
  type Translate,
} from '#audit/audit_values'

type EventLike = {
  action: string
  module: string
  actorType: string
  actorLabel: string
  ip: string | null
  subjectType: string | null
  subjectId: string | null
  details: Record<string, unknown>
  changes: Record<string, { from: unknown; to: unknown }> | null
}

export type PresentedChange = { field: string; label: string; from: string; to: string }

function translator(i18n: I18n): { t: Translate; locale: DisplayLocale } {
  return {
    t: (key, data, fallback) => i18n.t(key, data, fallback),
    locale: displayLocale(i18n),
  }
}

/** "Indbetalingen 1.250,00 kr. den 15. januar 2021 blev bogført på fakturaer". */
export function auditSentence(event: EventLike, i18n: I18n) {
  const { t, locale } = translator(i18n)
  return t(
    `audit.actions.${event.action}`,
    sentenceValues(event.details ?? {}, event.action, t, locale),
    event.action
  )
}

/** Each changed field by its label, with its old and new value as the forms show them. */
export function auditChanges(event: EventLike, i18n: I18n): PresentedChange[] {
  const { t, locale } = translator(i18n)
  return Object.entries(event.changes ?? {}).map(([field, change]) => {
    const kind = kindOfField(field, event.action)
    return {
      field,
      label: fieldLabel(field, t),
      from: formatAuditValue(change?.from, kind, t, locale),
      to: formatAuditValue(change?.to, kind, t, locale),
    }
  })
}

/** Who: the person's address or the system's name, and what kind of actor when not staff. */
export function auditActorKind(event: EventLike, i18n: I18n) {
  return event.actorType === 'user' ? null : i18n.t(`audit.${event.actorType}`, {}, event.actorType)
}

export function auditModuleName(event: EventLike, i18n: I18n) {
  return i18n.t(`audit.modules.${event.module}`, {}, event.module)
}

/** The pages an event's subject has, for those who read the log (the board and admins). */
const SUBJECT_PAGES: Record<string, string> = {
  organisation: 'organisations.show',
  invoice: 'invoices.show',
  assembly: 'assemblies.show',
}

/** The route of the page of what the event is about, or null when it has none. */
export function auditSubjectPage(event: EventLike) {
  const route = event.subjectType ? SUBJECT_PAGES[event.subjectType] : undefined
  return route && event.subjectId ? { route, params: { id: event.subjectId } } : null
}
