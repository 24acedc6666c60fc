import { DateTime } from 'luxon'
import hash from '@adonisjs/core/services/hash'
import { compose } from '@adonisjs/core/helpers'
import { BaseModel, afterSave, beforeSave, column } from '@adonisjs/lucid/orm'
import db from '@adonisjs/lucid/services/db'
import { sqlTimestamp } from '#shared/sql_time'
import { withAuthFinder } from '@adonisjs/auth/mixins/lucid'
import type { Locale, Role } from '#identity/roles'

const AuthFinder = withAuthFinder(hash, { uids: ['email'], passwordColumnName: 'password' })

export default class User extends compose(BaseModel, AuthFinder) {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare fullName: string

  @column()
  declare email: string

  @column({ serializeAs: null })
  declare password: string | null

  @column()
  declare role: Role

  @column()
  declare locale: Locale

  @column({ consume: (value) => Boolean(value) })
  declare isActive: boolean

  @column.dateTime()
  declare lastLoginAt: DateTime | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime

  #passwordChanged = false

  @beforeSave()
  static notePasswordChange(user: User) {
    user.#passwordChanged = user.$dirty.password !== undefined && user.password !== null
  }

  /**
   * However a password is set (a reset link, an invitation, the account
   * page, the command line), every link still open for the account is spent
   * with it: an old invitation must not set another password after a reset.
   */
  @afterSave()
  static async spendOpenLinks(user: User) {
    if (!user.#passwordChanged) return
    user.#passwordChanged = false
    await (user.$trx ?? db)
      .from('user_tokens')
      .where('user_id', user.id)
      .whereNull('used_at')
      .update({ used_at: sqlTimestamp() })
  }

  hasRole(...roles: Role[]) {
    return this.role === 'admin' || roles.includes(this.role)
  }
}
