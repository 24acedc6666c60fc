/** Policies registered with Bouncer by name, so Edge templates can use @can('SettingsPolicy.edit'). */
export const policies = {
  StaffPolicy: () => import('#identity/policies/staff_policy'),
  SettingsPolicy: () => import('#association/policies/settings_policy'),
  AuditPolicy: () => import('#audit/policies/audit_policy'),
  ModulePolicy: () => import('#shared/module_policy'),
  MemberPolicy: () => import('#members/policies/member_policy'),
  NewsletterPolicy: () => import('#newsletters/policies/newsletter_policy'),
  DuesPolicy: () => import('#dues/policies/dues_policy'),
  AssemblyPolicy: () => import('#assemblies/policies/assembly_policy'),
  OperationsPolicy: () => import('#operations/policies/operations_policy'),
}
