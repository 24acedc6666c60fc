import type { Locale, Role } from '#identity/roles'
import type { Actor } from '#audit/actor'
import { CreateStaffUser, type CreateStaffUserResult } from '#identity/actions/create_staff_user'
import SendAccountLinkJob from '#identity/jobs/send_account_link_job'

export type InviteStaffUserInput = { fullName: string; email: string; role: Role; locale: Locale }

/** An admin invites a person: the account exists at once, the password is theirs to choose. */
export class InviteStaffUser {
  async handle(input: InviteStaffUserInput, actor: Actor): Promise<CreateStaffUserResult> {
    const result = await new CreateStaffUser().handle({ ...input, password: null }, actor)
    // After the commit, so that the worker finds the user it is given.
    if (result.status === 'created') {
      await SendAccountLinkJob.dispatch({ userId: result.user.id, purpose: 'invitation' })
    }
    return result
  }
}
