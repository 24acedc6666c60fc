import { shareViews } from '#newsletters/sharing/share_views'

/** Someone opened a reader's share link: counted with the views around it, in one write. */
export class RecordShareView {
  async handle(copy: { id: number; issueId: number; subscriberId: number }) {
    await shareViews.record(copy)
  }
}
