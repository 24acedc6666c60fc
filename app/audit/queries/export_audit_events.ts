import type { I18n } from '@adonisjs/i18n'
import { allAuditEvents, type AuditFilters } from '#audit/queries/list_audit_events'
import {
  auditActorKind,
  auditChanges,
  auditModuleName,
  auditSentence,
} from '#audit/present_audit_event'
import { displayLocale, formatDateTime } from '#shared/formatting'
import { danishIso } from '#shared/danish_time'
import { writeSpreadsheet } from '#shared/spreadsheet/write_spreadsheet'
import type { SpreadsheetFormat } from '#shared/spreadsheet/spreadsheet_format'

/** An export is for reading and filing, not a backup: a year of a busy association fits. */
export const AUDIT_EXPORT_LIMIT = 50_000

/**
 * The filtered log as the page shows it, one event a row: CSV for Danish
 * Excel or a workbook. The calendar day has its own column so a
 * spreadsheet can sort and filter by it.
 */
export async function exportAuditEvents(
  filters: AuditFilters,
  format: SpreadsheetFormat,
  i18n: I18n
) {
  const locale = displayLocale(i18n)
  const events = await allAuditEvents(filters, AUDIT_EXPORT_LIMIT)
  const header = (key: string) => i18n.t(`audit.export.${key}`)
  const rows = events.map((event) => [
    danishIso(event.createdAt)?.slice(0, 10) ?? null,
    formatDateTime(event.createdAt, locale),
    event.actorLabel,
    auditActorKind(event, i18n) ?? i18n.t('audit.export.staff'),
    event.ip,
    event.userAgent,
    auditModuleName(event, i18n),
    auditSentence(event, i18n),
    auditChanges(event, i18n)
      .map((change) => `${change.label}: ${change.from} → ${change.to}`)
      .join('\n'),
  ])
  return writeSpreadsheet(
    {
      sheetName: i18n.t('audit.export.sheet'),
      columns: [
        { header: header('date'), kind: 'date' },
        { header: header('when'), kind: 'text' },
        { header: header('who'), kind: 'text' },
        { header: header('actor_kind'), kind: 'text' },
        { header: header('ip'), kind: 'text' },
        { header: header('user_agent'), kind: 'text', width: 40 },
        { header: header('module'), kind: 'text' },
        { header: header('what'), kind: 'text', width: 60 },
        { header: header('changes'), kind: 'text', width: 60 },
      ],
      rows,
    },
    format
  )
}
