import { configApp } from '@adonisjs/eslint-config'

export default configApp(
  { ignores: ['public/assets/**', 'tmp/**', '.adonisjs/**'] },
  {
    // Assertions read best as `(await action()).status`.
    files: ['tests/**/*.ts'],
    rules: { '@unicorn/no-await-expression-member': 'off' },
  }
)
