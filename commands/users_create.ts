import { BaseCommand, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'
import { isRole, ROLES } from '#identity/roles'

/**
 * Creates a staff account on a fresh install:
 *   node ace users:create --email anna@example.org --role admin
 * Asks for the password, or reads it from standard input when piped.
 */
export default class UsersCreate extends BaseCommand {
  static commandName = 'users:create'
  static description = 'Create a staff account (admin, board, treasurer or secretariat)'
  static options: CommandOptions = { startApp: true }

  @flags.string({ description: 'E-mail address used to log in', required: true })
  declare email: string

  @flags.string({ description: `Role: ${ROLES.join(', ')}`, default: 'admin' })
  declare role: string

  @flags.string({ description: 'Full name (defaults to the e-mail address)' })
  declare name?: string

  async run() {
    const { default: vine } = await import('@vinejs/vine')
    const { CreateStaffUser } = await import('#identity/actions/create_staff_user')
    const { Actors } = await import('#audit/actor')

    const email = this.email.trim().toLowerCase()
    const [emailError] = await vine.create({ email: vine.string().email() }).tryValidate({ email })
    if (emailError) return this.fail(`Not a valid e-mail address: ${this.email}`)
    if (!isRole(this.role))
      return this.fail(`Unknown role "${this.role}". Use one of: ${ROLES.join(', ')}`)

    const password = await this.readPassword()
    if (password.length < 10) return this.fail('The password must be at least 10 characters.')

    const result = await new CreateStaffUser().handle(
      { fullName: this.name?.trim() || email, email, role: this.role, password },
      Actors.system('users:create')
    )
    if (result.status === 'email_taken')
      return this.fail(`A user with the e-mail ${email} already exists.`)
    this.logger.success(`Created ${this.role} account ${email}`)
  }

  protected async readPassword() {
    if (process.stdin.isTTY) {
      const first = await this.prompt.secure('Password (at least 10 characters)')
      const second = await this.prompt.secure('Repeat the password')
      if (first !== second) {
        this.fail('The two passwords differ.')
        return ''
      }
      return first
    }
    let input = ''
    for await (const chunk of process.stdin) input += chunk
    return input.split(/\r?\n/)[0] ?? ''
  }

  protected fail(message: string) {
    this.logger.error(message)
    this.exitCode = 1
  }
}
