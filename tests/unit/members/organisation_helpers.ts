import { Actors } from '#audit/actor'

/** The board member on whose behalf the organisation actions act in these specs. */
export const board = Actors.system('board@example.org')
