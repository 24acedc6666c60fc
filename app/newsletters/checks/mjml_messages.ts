import app from '@adonisjs/core/services/app'
import type { I18nManager } from '@adonisjs/i18n'

let i18nManager: I18nManager | undefined
await app?.booted(async () => {
  i18nManager = await app.container.make('i18n')
})

type MjmlMessageKey =
  | 'unknown_attribute'
  | 'unknown_attributes'
  | 'unknown_element'
  | 'not_allowed_in_parent'
  | 'invalid_value'
  | 'invalid_enum'
  | 'invalid_unit'
  | 'include_unreadable'
  | 'title_missing'
  | 'malformed'

type Reading = { key: MjmlMessageKey; data: Record<string, string> }

/**
 * mjml's validator writes its findings as English sentences from a few
 * templates (mjml-validator/lib/rules, mjml-core/lib/types). Each is read
 * back into its parts here, so the secretariat gets a Danish sentence that
 * names the element and attribute; a message no pattern knows keeps
 * mjml's English.
 */
const PATTERNS: { pattern: RegExp; read: (match: RegExpExecArray, tag: string) => Reading }[] = [
  {
    pattern: /^Attribute (\S+) is illegal$/,
    read: ([, attribute], tag) => ({ key: 'unknown_attribute', data: { tag, attribute } }),
  },
  {
    pattern: /^Attributes (.+) are illegal$/,
    read: ([, attributes], tag) => ({ key: 'unknown_attributes', data: { tag, attributes } }),
  },
  {
    pattern: /^Element (\S+) doesn't exist or is not registered$/,
    read: ([, element]) => ({ key: 'unknown_element', data: { tag: element } }),
  },
  {
    pattern: /^(\S+) cannot be used inside (\S+), only inside: (.*)$/,
    read: ([, child, parent, allowed]) => ({
      key: 'not_allowed_in_parent',
      data: { tag: child, parent, allowed },
    }),
  },
  {
    pattern:
      /^Attribute (\S+) has invalid value: (.*) for type Unit, only accepts \((.*)\) units and (\d+)(?: to (\d+))? value\(s\)\s*$/,
    read: ([, attribute, value, units, min, max], tag) => ({
      key: 'invalid_unit',
      data: { tag, attribute, value, units, min, max: max ?? min },
    }),
  },
  {
    pattern: /^Attribute (\S+) has invalid value: (.*) for type Enum, only accepts (.*)$/,
    read: ([, attribute, value, allowed], tag) => ({
      key: 'invalid_enum',
      data: { tag, attribute, value, allowed },
    }),
  },
  {
    pattern: /^Attribute (\S+) has invalid value: (.*?)(?: for type \w+)?\s*$/,
    read: ([, attribute, value], tag) => ({
      key: 'invalid_value',
      data: { tag, attribute, value },
    }),
  },
  {
    pattern: /^mj-include fails to read file : (\S+)/,
    read: ([, file]) => ({ key: 'include_unreadable', data: { file: file.split('/').at(-1)! } }),
  },
  {
    pattern: /^(?:Missing|Empty) mj-title\./,
    read: () => ({ key: 'title_missing', data: {} }),
  },
  {
    pattern: /^Malformed MJML\./,
    read: () => ({ key: 'malformed', data: {} }),
  },
]

/** Which template an mjml message came from, with its parts; null when none fits. */
export function readMjmlMessage(message: string, tagName = ''): Reading | null {
  for (const { pattern, read } of PATTERNS) {
    const match = pattern.exec(message.trim())
    if (match) return read(match, tagName)
  }
  return null
}

/**
 * mjml's message in the association's language, and the English original
 * as a detail for whoever searches mjml's documentation or issues with it.
 * Without the app (a script), the English stays the message.
 */
export function translateMjmlMessage(
  message: string,
  tagName = ''
): { message: string; detail?: string } {
  const reading = readMjmlMessage(message, tagName)
  if (!reading || !i18nManager) return { message }
  const i18n = i18nManager.locale(i18nManager.defaultLocale)
  return {
    message: i18n.t(`newsletters.mjml_errors.${reading.key}`, reading.data),
    detail: message,
  }
}
