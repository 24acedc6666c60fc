import type { Role } from '#identity/roles'

/**
 * Which staff roles may do what. Policies read this table so that the rules
 * live in one place; admin is in every row.
 */
export const PERMISSIONS = {
  'dashboard.view': ['admin', 'board', 'treasurer', 'secretariat'],
  'members.view': ['admin', 'board', 'treasurer', 'secretariat'],
  'members.edit': ['admin', 'board'],
  'dues.view': ['admin', 'board', 'treasurer'],
  'dues.edit': ['admin', 'treasurer'],
  'assemblies.view': ['admin', 'board'],
  'newsletters.view': ['admin', 'board', 'secretariat'],
  'newsletters.edit': ['admin', 'secretariat'],
  'settings.manage': ['admin'],
  'staff.manage': ['admin'],
  'audit.view': ['admin', 'board'],
  'outbox.view': ['admin'],
  'operations.manage': ['admin'],
} as const satisfies Record<string, readonly Role[]>

export type Permission = keyof typeof PERMISSIONS

export function can(
  user: { role: Role; isActive: boolean } | null | undefined,
  permission: Permission
) {
  if (!user || !user.isActive) return false
  return (PERMISSIONS[permission] as readonly Role[]).includes(user.role)
}
