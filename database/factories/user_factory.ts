import factory from '@adonisjs/lucid/factories'
import User from '#identity/models/user'

export const TEST_PASSWORD = 'correct horse battery'

/** Staff users. States: admin, board, treasurer, secretariat, inactive, invited, english. */
export const UserFactory = factory
  .define(User, ({ faker }) => ({
    fullName: faker.person.fullName(),
    email: faker.internet.email().toLowerCase(),
    password: TEST_PASSWORD,
    role: 'board' as const,
    locale: 'da' as const,
    isActive: true,
  }))
  .state('admin', (user) => (user.role = 'admin'))
  .state('board', (user) => (user.role = 'board'))
  .state('treasurer', (user) => (user.role = 'treasurer'))
  .state('secretariat', (user) => (user.role = 'secretariat'))
  .state('inactive', (user) => (user.isActive = false))
  .state('invited', (user) => (user.password = null))
  .state('english', (user) => (user.locale = 'en'))
  .build()
