import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test } from '@japa/runner'
import { compileIssue } from '#newsletters/actions/compile_issue'
import { findUnknownPlaceholders } from '#newsletters/compose/placeholders'
import { checkMjml } from '#newsletters/mjml/check_mjml'
import { MJML_LIMITS } from '#newsletters/mjml/limits'
import { checkMarkup, findMarkupProblems } from '#newsletters/mjml/well_formed'

/*
| Each hostile document is sized so that a scan that looks back through the
| open elements, or a pattern that backtracks, takes tens of seconds or
| more on it (the old well-formedness check took 25 s on the first), while
| a linear one needs milliseconds. The budget lies far from both: a slow
| machine passes, a quadratic algorithm cannot. Timers cannot stop a
| synchronous scan, so the elapsed time is checked after it returns.
*/
const BUDGET_MS = 2_000

function timed<T>(work: () => T) {
  const start = performance.now()
  const result = work()
  return { result, ms: performance.now() - start }
}

async function timedAsync<T>(work: () => Promise<T>) {
  const start = performance.now()
  const result = await work()
  return { result, ms: performance.now() - start }
}

/** Only the scan is measured: no limit stops it early. */
const UNLIMITED = {
  ...MJML_LIMITS,
  maxLength: Infinity,
  maxDepth: Infinity,
  maxAttributes: Infinity,
  maxProblems: Infinity,
}

const inText = (html: string) =>
  `<mjml><mj-body><mj-section><mj-column><mj-text>${html}</mj-text></mj-column></mj-section></mj-body></mjml>`

const STYLE = { name: 'Kreds', address: null, postcode: null, city: null, email: null }

test.group('MJML checks | hostile input', () => {
  test('a 500 KB document of 42,000 nested elements is refused at once, naming the limit', ({
    assert,
  }) => {
    const source = inText('<div>'.repeat(42_000) + '</span>'.repeat(42_000))
    assert.isAbove(source.length, 500_000)
    const { result, ms } = timed(() => findMarkupProblems(source))
    assert.deepEqual(result, [
      {
        line: 1,
        message: `MJML'en er 504.099 tegn lang; den må højst være 100.000 tegn. Del nyhedsbrevet op, eller fjern noget af indholdet.`,
      },
    ])
    assert.isBelow(ms, BUDGET_MS)
  })

  test('the same document is scanned in linear time when no limit stops it', ({ assert }) => {
    const source = inText('<div>'.repeat(42_000) + '</span>'.repeat(42_000))
    const { result, ms } = timed(() => checkMarkup(source, UNLIMITED))
    assert.lengthOf(result.problems, 42_000)
    assert.equal(result.problems[0].message, '</span> has no opening tag')
    assert.isBelow(ms, BUDGET_MS)
  })

  test('nesting deeper than the limit is refused on the line where it goes too deep', ({
    assert,
  }) => {
    const source = ['<mjml>', '<mj-body>', ...Array(5_000).fill('<mj-section>')].join('\n')
    const { result, ms } = timed(() => checkMarkup(source))
    assert.isTrue(result.overLimit)
    assert.deepEqual(result.problems, [
      { line: 101, message: '<mj-section> ligger for dybt: højst 100 elementer inden i hinanden.' },
    ])
    assert.isBelow(ms, BUDGET_MS)
  })

  test('paragraphs and list items left open do not count as nesting', ({ assert }) => {
    const source = inText('<p>afsnit'.repeat(2_000) + '<ul>' + '<li>punkt'.repeat(2_000) + '</ul>')
    assert.deepEqual(findMarkupProblems(source), [])
  })

  test('tens of thousands of unclosed and mismatched tags take linear time', ({ assert }) => {
    const n = 40_000
    const cases = [
      '<mjml><mj-body>' + '<mj-wrapper>'.repeat(n) + '</mj-text>'.repeat(n),
      '<mjml>' + '<mj-section>'.repeat(n) + '</mj-sectoin>'.repeat(n),
      '<mjml>' + '<mj-section>'.repeat(n) + '</mj-column>'.repeat(n),
      inText('<b>'.repeat(n) + '<i>'.repeat(n) + '</b>'.repeat(n)),
      inText('<p>'.repeat(n) + '<div>' + '</div>'.repeat(n)),
      '<mj-text>'.repeat(n),
    ]
    for (const source of cases) {
      const { ms } = timed(() => checkMarkup(source, UNLIMITED))
      assert.isBelow(ms, BUDGET_MS, source.slice(0, 40))
    }
  })

  test('a stray closing tag of a known element still reports against the right element', ({
    assert,
  }) => {
    const source = ['<mjml>', '<mj-body>', '<mj-section>', '</mj-text>', '</mj-text>'].join('\n')
    assert.deepEqual(
      checkMarkup(source, UNLIMITED).problems.map((problem) => problem.message),
      [
        '<mjml> is never closed',
        '<mj-body> is never closed',
        '<mj-section> is never closed',
        '</mj-text> closes <mj-section> opened on line 3',
        '</mj-text> closes <mj-section> opened on line 3',
      ]
    )
  })

  test('long attribute values, unfinished tags and many < without > are read in one pass', ({
    assert,
  }) => {
    const mb = 1_000_000
    const cases: [string, RegExp | null][] = [
      [inText(`<a href="${'x'.repeat(mb)}">lang</a>`), null],
      [`<mjml><mj-body><mj-text title="${'x '.repeat(mb / 2)}`, /is never finished with >/],
      [inText('a < b '.repeat(mb / 6)), null],
      [inText('<'.repeat(mb)), null],
      ['<a'.repeat(mb / 2), /is never finished with >$/],
      ['</a'.repeat(mb / 3), /^<\/a< is never closed with >$/],
      ['<!--' + '<mj-text>'.repeat(mb / 9), /comment <!-- is never closed/],
      [inText(`<mj-raw>${'<div>'.repeat(mb / 5)}`), /never closed/],
    ]
    for (const [source, expected] of cases) {
      const { result, ms } = timed(() => findMarkupProblems(source, UNLIMITED))
      if (expected) assert.match(result[0]?.message ?? '', expected, source.slice(0, 40))
      assert.isBelow(ms, BUDGET_MS, source.slice(0, 40))
    }
  })

  test('only the first problems are listed, with a note that there are more', ({ assert }) => {
    const source = '</mj-foo>\n'.repeat(5_000)
    const problems = findMarkupProblems(source)
    assert.lengthOf(problems, MJML_LIMITS.maxProblems + 1)
    assert.deepEqual(problems.at(-1), {
      line: MJML_LIMITS.maxProblems + 1,
      message: 'Der er flere fejl end de 100 viste; ret dem først.',
    })
  })
})

test.group('MJML checks | mjml is never handed a document beyond a limit', () => {
  test('a tag with too many attributes is refused without mjml reading it', async ({ assert }) => {
    // mjml's check of unknown attributes grows with the square of their
    // number on one tag: 2,000 took it 0.7 s, 40,000 eight minutes.
    const attributes = Array.from({ length: 5_000 }, (_, index) => `a${index}="1"`).join(' ')
    const source = ['<mjml>', '<mj-body>', `<mj-text ${attributes}>Hej</mj-text>`, '</mj-body>']
    const { result, ms } = await timedAsync(() => checkMjml([...source, '</mjml>'].join('\n')))
    // mjml would also have called each attribute illegal: only the limit is reported.
    assert.deepEqual(result, {
      problems: [
        { line: 3, message: '<mj-text> har flere end 50 attributter; højst 50 er tilladt.' },
      ],
      html: null,
    })
    assert.isBelow(ms, BUDGET_MS)
  })

  test('a document over the size limit is refused without mjml reading it', async ({ assert }) => {
    const section = '<mj-section><mj-column><mj-text>Hej</mj-text></mj-column></mj-section>'
    const source = `<mjml><mj-body>${section.repeat(10_000)}</mj-body></mjml>`
    const { result, ms } = await timedAsync(() => checkMjml(source))
    assert.isNull(result.html)
    const length = source.length.toLocaleString('da-DK')
    assert.deepEqual(result.problems, [
      {
        line: 1,
        message: `MJML'en er ${length} tegn lang; den må højst være 110.000 tegn. Del nyhedsbrevet op, eller fjern noget af indholdet.`,
      },
    ])
    assert.isBelow(ms, BUDGET_MS)
  })

  test('the composer refuses sections over the limit, and a draft saved before it', async ({
    assert,
  }) => {
    const sections = `<mj-section><mj-column><mj-text>${'<div>'.repeat(42_000)}${'</span>'.repeat(42_000)}`
    const { result, ms } = await timedAsync(() => compileIssue(sections, STYLE, null))
    assert.isNull(result.html)
    assert.deepEqual(
      result.problems.map((problem) => problem.line),
      [1]
    )
    assert.include(result.problems[0].message, 'højst være 100.000 tegn')
    assert.isBelow(ms, BUDGET_MS)
  })

  test('the house template does not push sections at the limits over them', async ({ assert }) => {
    const levels = MJML_LIMITS.maxDepth - 3
    const section = '<mj-section><mj-column><mj-text>Hej</mj-text></mj-column></mj-section>'
    const sections = `${'<mj-wrapper>'.repeat(levels)}${section}${'</mj-wrapper>'.repeat(levels)}`
    assert.deepEqual(findMarkupProblems(sections), [])
    const result = await compileIssue(sections, STYLE, null)
    assert.notInclude(result.problems.map((problem) => problem.message).join('\n'), 'dybt')
  })

  test('compiled HTML beyond the limit is not handed on', async ({ assert }) => {
    const saved = MJML_LIMITS.maxHtmlLength
    MJML_LIMITS.maxHtmlLength = 10_000
    try {
      const section = '<mj-section><mj-column><mj-text>Hej</mj-text></mj-column></mj-section>'
      const result = await checkMjml(`<mjml><mj-body>${section.repeat(20)}</mj-body></mjml>`)
      assert.isNull(result.html)
      assert.match(
        result.problems[0].message,
        /^Det færdige nyhedsbrev ville fylde [\d.]+ tegn HTML/
      )
    } finally {
      MJML_LIMITS.maxHtmlLength = saved
    }
  })

  test('includes that include each other many times are cut off at the limit', async ({
    assert,
  }) => {
    const folder = await mkdtemp(join(tmpdir(), 'kreds-hostile-'))
    try {
      // Ten includes of a file with ten includes of a file with ten includes: 1,110 copies for mjml.
      const tenOf = (file: string) => `<mj-include path="./${file}" />\n`.repeat(10)
      await writeFile(join(folder, 'a.mjml'), tenOf('b.mjml'))
      await writeFile(join(folder, 'b.mjml'), tenOf('c.mjml'))
      await writeFile(join(folder, 'c.mjml'), '<mj-section><mj-column></mj-column></mj-section>')
      const filePath = join(folder, 'nyhedsbrev.mjml')
      const source = `<mjml><mj-body>\n${tenOf('a.mjml')}</mj-body></mjml>`
      const { result, ms } = await timedAsync(() => checkMjml(source, { filePath }))
      assert.isNull(result.html)
      const messages = result.problems.map((problem) => problem.message).join('\n')
      assert.include(messages, 'flere end 50 mj-include i alt')
      assert.isBelow(ms, BUDGET_MS)
    } finally {
      await rm(folder, { recursive: true, force: true })
    }
  })

  test('placeholders are found in linear time, however the braces are spaced', ({ assert }) => {
    const cases = [
      '{{' + ' '.repeat(1_000_000),
      '{{ first_name' + ' '.repeat(1_000_000),
      '{{ ukendt }}'.repeat(100_000),
      '{{ ukendt }}\n'.repeat(100_000),
    ]
    for (const source of cases) {
      const { result, ms } = timed(() => findUnknownPlaceholders(source))
      assert.isAtMost(result.length, MJML_LIMITS.maxProblems + 1)
      assert.isBelow(ms, BUDGET_MS, source.slice(0, 20))
    }
    const lines = findUnknownPlaceholders('{{ ukendt }}\n'.repeat(3)).map((problem) => problem.line)
    assert.deepEqual(lines, [1, 2, 3])
  })
})
