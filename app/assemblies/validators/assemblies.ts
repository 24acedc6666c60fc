import vine from '@vinejs/vine'
import { DateTime } from 'luxon'
import { DANISH_ZONE } from '#shared/danish_time'

const optionalText = (max: number) => vine.string().trim().maxLength(max).optional()

/** The right shape is not enough: 2026-13-40T19:00 matched the pattern and crashed the save. */
const realMoment = vine.createRule((value, _options, field) => {
  if (typeof value !== 'string') return
  if (!DateTime.fromISO(value, { zone: DANISH_ZONE }).isValid) {
    field.report('Skal være en gyldig dato.', 'date', field)
  }
})

export const assemblyValidator = vine.create({
  kind: vine.enum(['ordinary', 'extraordinary'] as const),
  title: vine.string().trim().minLength(3).maxLength(200),
  // From a datetime-local field, in Danish time.
  starts_at: vine
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/)
    .use(realMoment()),
  place: optionalText(300),
  meeting_url: vine.string().trim().maxLength(500).url().optional(),
  motion_deadline: vine.date({ formats: ['YYYY-MM-DD'] }).optional(),
  requested_by: optionalText(2000),
})

export const agendaItemValidator = vine.create({
  title: vine.string().trim().minLength(2).maxLength(300),
  description: optionalText(2000),
})

export const moveValidator = vine.create({ direction: vine.enum(['up', 'down'] as const) })

export const noticeValidator = vine.create({ confirm_late: vine.boolean().optional() })

export const attendanceValidator = vine.create({
  organisation_id: vine.number().withoutDecimals(),
  present: vine.boolean(),
  representative: optionalText(200),
})

export const selfCheckInValidator = vine.create({
  representative: vine.string().trim().minLength(2).maxLength(200),
})

export const proxyValidator = vine.create({
  giver_id: vine.number().withoutDecimals(),
  holder_id: vine.number().withoutDecimals().optional(),
})

export const ballotValidator = vine.create({
  agenda_item_id: vine.number().withoutDecimals(),
  motion_id: vine.number().withoutDecimals().optional(),
  question: vine.string().trim().minLength(3).maxLength(500),
  kind: vine.enum(['yes_no', 'choice', 'election'] as const),
  secret: vine.boolean().optional(),
  majority: vine.enum(['simple', 'two_thirds'] as const),
  quorum_percent: vine.number().withoutDecimals().min(1).max(100).optional(),
  seats: vine.number().withoutDecimals().min(1).max(50).optional(),
  method: vine.enum(['electronic', 'show_of_hands'] as const),
  // One option or candidate per line.
  options: optionalText(5000),
})

export const handCountsValidator = vine.create({
  yes: vine.number().withoutDecimals().min(0).optional(),
  no: vine.number().withoutDecimals().min(0).optional(),
  blank: vine.number().withoutDecimals().min(0).optional(),
  options: vine.record(vine.number().withoutDecimals().min(0)).optional(),
})

export const voteValidator = vine.create({
  for_organisation_id: vine.number().withoutDecimals(),
  answer: vine.enum(['yes', 'no', 'blank'] as const).optional(),
  option_id: vine.string().optional(),
  candidates: vine.array(vine.number().withoutDecimals()).optional(),
})

export const motionValidator = vine.create({
  title: vine.string().trim().minLength(3).maxLength(300),
  body: vine.string().trim().minLength(3).maxLength(20000),
  changes_statutes: vine.boolean().optional(),
  agenda_item_id: vine.number().withoutDecimals().optional(),
})
