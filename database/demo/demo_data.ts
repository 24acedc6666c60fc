import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import AssociationSettings from '#association/models/association_settings'
import { DUES_DEFAULTS, STATUTES_DEFAULTS } from '#association/statutes_defaults'
import { CreateStaffUser } from '#identity/actions/create_staff_user'
import { Actors } from '#audit/actor'
import type { Role } from '#identity/roles'
import { seedDemoMembers } from '#database/demo/demo_members'
import { seedDemoNewsletters } from '#database/demo/demo_newsletters'
import { seedDemoDues } from '#database/demo/demo_dues'
import { seedDemoAssemblies } from '#database/demo/demo_assemblies'
import { seedDemoBankStatement } from '#database/demo/demo_bank_statement'

/** Demo logins, printed at every development start. Never seeded in production. */
export const DEMO_PASSWORD = 'kreds-demo'

export const DEMO_ACCOUNTS: { email: string; role: Role; fullName: string }[] = [
  { email: 'admin@example.org', role: 'admin', fullName: 'Anne Administrator' },
  { email: 'board@example.org', role: 'board', fullName: 'Bent Bestyrelse' },
  { email: 'treasurer@example.org', role: 'treasurer', fullName: 'Karen Kasserer' },
  { email: 'secretariat@example.org', role: 'secretariat', fullName: 'Sofie Sekretariat' },
]

/**
 * The customer as the demo shows it: Social Talks, founded at an online
 * general assembly on 15 January 2021. Each part fills only its own empty
 * tables, and the function reports whether anything was added.
 */
export async function seedDemoData() {
  const staff = await seedDemoStaff()
  const members = await seedDemoMembers()
  const newsletters = await seedDemoNewsletters()
  const dues = await seedDemoDues()
  // The statement pays the invoices just issued, so it is written with them and only then.
  if (dues) await seedDemoBankStatement()
  const assemblies = await seedDemoAssemblies()
  return staff || members || newsletters || dues || assemblies
}

async function seedDemoStaff() {
  const hasUsers = await db.from('users').count('* as total').first()
  if (Number(hasUsers?.total ?? 0) > 0) return false

  const settings = (await AssociationSettings.query().first()) ?? new AssociationSettings()
  settings.merge({
    ...STATUTES_DEFAULTS,
    ...DUES_DEFAULTS,
    reminderFeeOre: 10_000,
    name: 'Social Talks',
    // Fictional but well-formed, so the demo's invoices and e-invoices are complete.
    cvr: '12345674',
    bankRegNo: '1234',
    bankAccountNo: '0012345678',
    // FI-kort +71: every demo invoice carries its code line, and the EAN member's file PaymentMeans 93.
    fiCreditorNo: '81234567',
    address: 'Vesterbrogade 1',
    postcode: '1620',
    city: 'København V',
    email: 'sekretariat@example.org',
    phone: '+45 33 12 34 56',
    foundedOn: DateTime.fromISO('2021-01-15'),
  })
  await settings.save()

  const seeder = Actors.system('demo data')
  for (const account of DEMO_ACCOUNTS) {
    await new CreateStaffUser().handle({ ...account, password: DEMO_PASSWORD }, seeder)
  }
  return true
}
