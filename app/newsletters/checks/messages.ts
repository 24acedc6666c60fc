import app from '@adonisjs/core/services/app'
import type { I18n, I18nManager } from '@adonisjs/i18n'
import type { DescribedCheck, IssueCheck } from './types.js'

/** Taken once the app has booted; scripts without the app get English (as in mjml/limits). */
let i18nManager: I18nManager | undefined
await app?.booted(async () => {
  i18nManager = await app.container.make('i18n')
})

/**
 * Each check's message in the given language (the request's, on a page),
 * else the association's default language. The keys live under
 * `newsletters.checks.<code>` in resources/lang.
 */
export function describeChecks(checks: IssueCheck[], i18n?: I18n): DescribedCheck[] {
  const translator = i18n ?? i18nManager?.locale(i18nManager.defaultLocale)
  return checks.map((check) => ({
    ...check,
    message: translator
      ? translator.t(`newsletters.checks.${check.code}`, check.params)
      : `${check.code} ${JSON.stringify(check.params)}`,
  }))
}
