import { test } from '@japa/runner'
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import app from '@adonisjs/core/services/app'

/**
 * The action names the code passes to the audit writer: every quoted name on
 * a line that sets `action:` (ternaries included), and the names built from a
 * template, expanded by what the template's variable can hold.
 */
const TEMPLATES: Record<string, string[]> = {
  'agenda.${change.type}': ['add', 'remove', 'move'],
  'mail_event.${report.type}': ['hard', 'soft', 'complaint'],
  'operations.backup_${status}': ['succeeded', 'failed', 'postponed'],
}

async function sourceFiles(directory: string): Promise<string[]> {
  const entries = await readdir(directory, { withFileTypes: true, recursive: true })
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => join(entry.parentPath, entry.name))
}

async function writtenActions() {
  const actions = new Set<string>()
  const unknownTemplates: string[] = []
  for (const file of await sourceFiles(app.makePath('app'))) {
    const text = await readFile(file, 'utf8')
    if (!/recordAuditEvents?\(/.test(text)) continue
    for (const line of text.split('\n')) {
      const setting = line.match(/\baction:\s*(.+)$/)
      if (!setting) continue
      for (const literal of setting[1].matchAll(/'([a-z_]+(?:\.[a-z_]+)+)'/g))
        actions.add(literal[1])
      for (const template of setting[1].matchAll(/`([^`]+)`/g)) {
        const values = TEMPLATES[template[1]]
        if (!values) unknownTemplates.push(`${file}: ${template[1]}`)
        for (const value of values ?? []) {
          actions.add(template[1].replace(/\$\{[^}]+\}/, value))
        }
      }
    }
  }
  return { actions: [...actions].sort(), unknownTemplates }
}

async function labels(locale: string) {
  const file = app.makePath('resources/lang', locale, 'audit.json')
  const json = JSON.parse(await readFile(file, 'utf8')) as { actions: Record<string, string> }
  return json.actions
}

test.group('Audit action labels', () => {
  test('every action the code writes reads as a sentence in Danish and English', async ({
    assert,
  }) => {
    const { actions, unknownTemplates } = await writtenActions()
    assert.deepEqual(unknownTemplates, [], 'add the values of these action templates to TEMPLATES')
    // The scan itself must find the actions, or this test would pass on nothing.
    assert.includeMembers(actions, ['settings.updated', 'bank.matched', 'agenda.move'])
    assert.isAbove(actions.length, 60)
    for (const locale of ['da', 'en']) {
      const known = await labels(locale)
      const missing = actions.filter((action) => !known[action]?.trim())
      assert.deepEqual(missing, [], `actions without a ${locale} sentence`)
    }
  })
})
