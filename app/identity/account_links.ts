import type { UserTokenPurpose } from '#identity/models/user_token'

/** How long each kind of link stays valid. */
export const LINK_LIFETIME_MINUTES: Record<UserTokenPurpose, number> = {
  password_reset: 60,
  invitation: 60 * 24 * 7,
}
