import Assembly from '#assemblies/models/assembly'
import type Motion from '#assemblies/models/motion'
import type {
  AssociationBlock,
  MotionBlock,
  NoticeDocument,
} from '#assemblies/documents/assembly_documents'
import type AssociationSettings from '#association/models/association_settings'
import { getAssociationSettings } from '#association/queries/get_association_settings'

/** The notice as its PDF and mail show it. */
export async function getNoticeDocument(assemblyId: number): Promise<NoticeDocument> {
  const assembly = await Assembly.query()
    .where('id', assemblyId)
    .preload('agendaItems', (items) =>
      items
        .orderBy('position')
        .preload('motions', (motions) =>
          motions.where('status', 'submitted').preload('organisation').orderBy('submitted_at')
        )
    )
    .firstOrFail()
  const settings = await getAssociationSettings()
  return {
    association: associationBlock(settings),
    assembly: assemblyBlock(assembly),
    agenda: assembly.agendaItems.map((item) => ({
      position: item.position,
      title: item.title,
      description: item.description,
      motions: item.motions.map(motionBlock),
    })),
    sentAt: (assembly.noticeSentAt ?? assembly.updatedAt).toISO()!,
  }
}

/** A motion as the notice and the minutes print it; the board's own have no member name. */
export function motionBlock(motion: Motion): MotionBlock {
  return {
    title: motion.title,
    body: motion.body,
    changesStatutes: motion.changesStatutes,
    submittedBy: motion.organisation?.name ?? 'Bestyrelsen',
  }
}

export function assemblyBlock(assembly: Assembly) {
  return {
    title: assembly.title,
    kind: assembly.kind,
    startsAt: assembly.startsAt.toISO()!,
    place: assembly.place,
    meetingUrl: assembly.meetingUrl,
    motionDeadline: assembly.motionDeadline?.toISODate() ?? null,
    requestedBy: assembly.requestedBy,
  }
}

/** The association as the assembly's documents head them. */
export function associationBlock(settings: AssociationSettings): AssociationBlock {
  return {
    name: settings.name,
    address: settings.address,
    postcode: settings.postcode,
    city: settings.city,
    cvr: settings.cvr,
    email: settings.email,
  }
}
