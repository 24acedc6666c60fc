import { Job } from '@adonisjs/queue'
import type { JobOptions } from '@adonisjs/queue/types'
import type { UserTokenPurpose } from '#identity/models/user_token'
import { SendAccountLink } from '#identity/actions/send_account_link'

export default class SendAccountLinkJob extends Job<{ userId: number; purpose: UserTokenPurpose }> {
  static options: JobOptions = { queue: 'default', maxRetries: 3 }

  async execute() {
    await new SendAccountLink().handle(this.payload)
  }
}
