import db from '@adonisjs/lucid/services/db'
import type { MembershipStatus } from '#members/membership'

/** Organisations per membership status, for the dashboard. */
export async function countMembers() {
  const rows = await db.from('organisations').select('status').count('* as total').groupBy('status')
  const counts: Partial<Record<MembershipStatus, number>> = {}
  for (const row of rows) counts[row.status as MembershipStatus] = Number(row.total)
  return { active: counts.active ?? 0, applicants: counts.applicant ?? 0 }
}
