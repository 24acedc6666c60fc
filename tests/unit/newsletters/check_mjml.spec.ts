import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test } from '@japa/runner'
import { checkMjml } from '#newsletters/mjml/check_mjml'

const body = (...lines: string[]) =>
  ['<mjml>', '  <mj-body>', ...lines, '  </mj-body>', '</mjml>'].join('\n')

const section =
  '<mj-section><mj-column><mj-text>Generalforsamling 2025</mj-text></mj-column></mj-section>'

test.group('checkMjml', () => {
  test('returns the HTML of a valid newsletter and no problems', async ({ assert }) => {
    const { problems, html } = await checkMjml(body(section))
    assert.deepEqual(problems, [])
    assert.include(html, 'Generalforsamling 2025')
    assert.include(html, '<!doctype html>')
  })

  test('reports mjml validation errors on their line, without paths', async ({ assert }) => {
    const folder = await mkdtemp(join(tmpdir(), 'kreds-mjml-'))
    try {
      const filePath = join(folder, 'nyhedsbrev.mjml')
      const source = body('    <mj-column>', '      <mj-text>Hej</mj-text>', '    </mj-column>')
      await writeFile(filePath, source)
      const { problems, html } = await checkMjml(source, { filePath })
      assert.isNull(html)
      assert.deepEqual(problems, [
        {
          line: 3,
          message:
            '<mj-column> må ikke stå inde i <mj-body>; det kan kun stå i: mj-attributes, mj-group, mj-section.',
          detail:
            'mj-column cannot be used inside mj-body, only inside: mj-attributes, mj-group, mj-section',
        },
      ])
      assert.notInclude(problems[0].message, folder)
    } finally {
      await rm(folder, { recursive: true, force: true })
    }
  })

  test('adds the structure problems mjml misses, in line order', async ({ assert }) => {
    const source = body(
      '    <mj-column><mj-text>Hej</mj-text></mj-column>',
      '    <mj-section>',
      '      <mj-column>',
      '        <mj-text>Hej</mj-txt>',
      '      </mj-column>',
      '    </mj-section>'
    )
    const { problems, html } = await checkMjml(source)
    assert.isNull(html)
    assert.deepEqual(problems, [
      {
        line: 3,
        message:
          '<mj-column> må ikke stå inde i <mj-body>; det kan kun stå i: mj-attributes, mj-group, mj-section.',
        detail:
          'mj-column cannot be used inside mj-body, only inside: mj-attributes, mj-group, mj-section',
      },
      { line: 6, message: '</mj-txt> closes <mj-text> opened on line 6' },
    ])
  })

  test('reports what mjml throws on line 1', async ({ assert }) => {
    const { problems } = await checkMjml('<mjml foo="bar"></mjml>')
    assert.lengthOf(problems, 1)
    assert.equal(problems[0].line, 1)
    assert.match(problems[0].message, /ikke bygget rigtigt op/)
    assert.match(problems[0].detail!, /Malformed MJML/)
  })

  test('does not allow mj-include without a file to resolve it against', async ({ assert }) => {
    const { problems } = await checkMjml(body('    <mj-include path="./footer.mjml" />'))
    assert.deepEqual(problems, [{ line: 3, message: 'mj-include is not allowed here' }])
  })
})

test.group('checkMjml with includes', (group) => {
  let folder: string
  group.setup(async () => {
    folder = await mkdtemp(join(tmpdir(), 'kreds-mjml-'))
    await mkdir(join(folder, 'dele'))
    await writeFile(
      join(folder, 'dele', 'top.mjml'),
      `${section}\n<mj-include path="./bund.mjml" />\n`
    )
    await writeFile(
      join(folder, 'dele', 'bund.mjml'),
      '<mj-section><mj-column><mj-text>Bund</mj-text></mj-column></mj-section>\n'
    )
    await writeFile(
      join(folder, 'dele', 'fejl.mjml'),
      '<mj-section>\n  <mj-column>\n    <mj-text>Hej\n  </mj-column>\n</mj-section>\n'
    )
    await writeFile(
      join(folder, 'dele', 'farve.mjml'),
      '<mj-section><mj-column><mj-text colour="red">x</mj-text></mj-column></mj-section>\n'
    )
    await writeFile(join(folder, 'dele', 'ring.mjml'), '<mj-include path="./ring.mjml" />\n')
    return () => rm(folder, { recursive: true, force: true })
  })

  const check = (...lines: string[]) =>
    checkMjml(body(...lines), { filePath: join(folder, 'nyhedsbrev.mjml') })

  test('follows includes relative to each including file', async ({ assert }) => {
    const { problems, html } = await check('    <mj-include path="./dele/top.mjml" />')
    assert.deepEqual(problems, [])
    assert.include(html, 'Generalforsamling 2025')
    assert.include(html, 'Bund')
  })

  test('reports a missing include on the line of the mj-include', async ({ assert }) => {
    const { problems, html } = await check(section, '    <mj-include path="./dele/mangler.mjml" />')
    assert.isNull(html)
    assert.deepEqual(problems, [{ line: 4, message: 'mj-include "./dele/mangler.mjml" not found' }])
  })

  test('reports an include outside the folder of the file', async ({ assert }) => {
    const { problems } = await check('    <mj-include path="../andet.mjml" />')
    assert.deepEqual(problems, [
      { line: 3, message: 'mj-include "../andet.mjml" is outside the file\'s folder' },
    ])
  })

  test('reports problems inside an included file on the line of its mj-include', async ({
    assert,
  }) => {
    const { problems } = await check(section, '    <mj-include path="./dele/fejl.mjml" />')
    assert.deepEqual(problems[0], {
      line: 4,
      message: 'in "./dele/fejl.mjml" line 3: <mj-text> is never closed',
    })
  })

  test('reports mjml errors in an included file without its path', async ({ assert }) => {
    const { problems } = await check('    <mj-include path="./dele/farve.mjml" />')
    assert.deepEqual(problems, [
      {
        line: 3,
        message:
          'in "dele/farve.mjml" line 1: <mj-text> kender ikke attributten "colour". Ret stavningen, eller fjern den.',
        detail: 'Attribute colour is illegal',
      },
    ])
  })

  test('reports an include that includes itself once', async ({ assert }) => {
    const { problems } = await check(section, '    <mj-include path="./dele/ring.mjml" />')
    assert.deepEqual(problems, [
      {
        line: 4,
        message:
          'in "./dele/ring.mjml" line 1: mj-include "./ring.mjml" includes a file that includes it again',
      },
    ])
    assert.notInclude(JSON.stringify(problems), folder)
  })
})
