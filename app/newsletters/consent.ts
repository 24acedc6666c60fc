/** How long a double opt-in confirmation link stays valid. */
export const CONFIRMATION_DAYS = 7

/** Suppressions a reader cannot lift by subscribing again: the mail system's verdicts. */
export const PERMANENT_SUPPRESSIONS = ['bounced', 'complained'] as const
