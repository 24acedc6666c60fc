import ShareEvent from '#newsletters/models/share_event'

/** Someone opened a reader's share link. */
export class RecordShareView {
  async handle(copy: { id: number; issueId: number; subscriberId: number }) {
    await ShareEvent.create({
      deliveryId: copy.id,
      issueId: copy.issueId,
      sharerId: copy.subscriberId,
      kind: 'view',
    })
  }
}
