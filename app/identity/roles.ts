/** Staff roles. A person has one; admin may do everything the others may. */
export const ROLES = ['admin', 'board', 'treasurer', 'secretariat'] as const
export type Role = (typeof ROLES)[number]

export const LOCALES = ['da', 'en'] as const
export type Locale = (typeof LOCALES)[number]

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value)
}
