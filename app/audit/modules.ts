/** The module names audit events are filed under. */
export const AUDIT_MODULES = [
  'identity',
  'association',
  'members',
  'dues',
  'assemblies',
  'newsletters',
  'operations',
] as const
