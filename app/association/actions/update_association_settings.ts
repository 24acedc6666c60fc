import { copyFile, mkdir, rm } from 'node:fs/promises'
import { randomUUID } from 'node:crypto'
import { type DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import app from '@adonisjs/core/services/app'
import AssociationSettings from '#association/models/association_settings'
import { getAssociationSettings } from '#association/queries/get_association_settings'
import type { Actor } from '#audit/actor'
import { diffFields, recordAuditEvent } from '#audit/actions/record_audit_event'
import type { RetentionSettings } from '#operations/retention/retention_settings'

export type AssociationSettingsInput = {
  name: string
  cvr: string | null
  address: string | null
  postcode: string | null
  city: string | null
  email: string | null
  phone: string | null
  bankRegNo: string | null
  bankAccountNo: string | null
  fiCreditorNo: string | null
  foundedOn: DateTime | null
  /** Left as it is when the form does not send it. */
  brandColour?: string
  noticeDays: number
  motionDeadlineDays: number
  proxiesPerOrganisation: number
  unpaidDuesRemoveVotingRight: boolean
  duesGraceMonths: number
  votesWhenNotInvoiced: boolean
  votesWhenDuesNotDue: boolean
  extraordinaryRequestPercent: number
  vatExempt: boolean
  vatExemptionText: string | null
  /** Left as they are when the form does not send them. */
  retention?: RetentionSettings
}

/** A new logo (a file already on disk, e.g. an upload) or its removal. */
export type LogoChange =
  { kind: 'replace'; sourcePath: string; extname: string } | { kind: 'remove' } | null

export const LOGO_DIRECTORY = 'uploads/association'

export class UpdateAssociationSettings {
  async handle(input: AssociationSettingsInput, logo: LogoChange, actor: Actor) {
    const current = await getAssociationSettings()
    const logoPath = await this.storeLogo(current.logoPath, logo)

    return db.transaction(async (trx) => {
      const settings = await AssociationSettings.findOrFail(current.id, { client: trx })
      const { retention, ...fields } = input
      const next = { ...fields, ...retention, logoPath }
      const changes = diffFields(settings.$attributes, next)
      if (!changes) return { status: 'unchanged' as const, settings }

      settings.merge(next)
      await settings.useTransaction(trx).save()
      await recordAuditEvent(trx, actor, {
        module: 'association',
        action: 'settings.updated',
        details: { count: Object.keys(changes).length },
        subject: { type: 'association_settings', id: settings.id },
        changes,
      })
      return { status: 'updated' as const, settings }
    })
  }

  protected async storeLogo(currentPath: string | null, change: LogoChange) {
    if (!change) return currentPath
    if (currentPath) await rm(app.tmpPath(currentPath), { force: true })
    if (change.kind === 'remove') return null

    const relative = `${LOGO_DIRECTORY}/logo-${randomUUID()}.${change.extname}`
    await mkdir(app.tmpPath(LOGO_DIRECTORY), { recursive: true })
    await copyFile(change.sourcePath, app.tmpPath(relative))
    return relative
  }
}
