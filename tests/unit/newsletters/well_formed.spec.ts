import { test } from '@japa/runner'
import { findMarkupProblems } from '#newsletters/mjml/well_formed'

/** A newsletter body around some lines, so that line numbers are easy to count: content starts on line 5. */
function newsletter(...content: string[]) {
  return [
    '<mjml>',
    '  <mj-body>',
    '    <mj-section>',
    '      <mj-column>',
    ...content,
    '      </mj-column>',
    '    </mj-section>',
    '  </mj-body>',
    '</mjml>',
  ].join('\n')
}

const report = (source: string) =>
  findMarkupProblems(source).map(({ line, message }) => `line ${line}: ${message}`)

test.group('findMarkupProblems: MJML structure', () => {
  test('finds nothing wrong in a well-formed newsletter', ({ assert }) => {
    assert.deepEqual(report(newsletter('<mj-text>Hej medlemmer</mj-text>')), [])
  })

  test('reports an mj-text that is never closed on the line it opens', ({ assert }) => {
    assert.deepEqual(
      report(newsletter('<mj-text>', 'Hej medlemmer', '<mj-button>Læs mere</mj-button>')),
      ['line 5: <mj-text> is never closed']
    )
  })

  test('reports an element still open at the end of the file', ({ assert }) => {
    assert.deepEqual(report('<mjml>\n  <mj-body>\n    <mj-section>\n  </mj-body>\n</mjml>\n'), [
      'line 3: <mj-section> is never closed',
    ])
    assert.deepEqual(report('<mjml>\n  <mj-body>\n'), [
      'line 1: <mjml> is never closed',
      'line 2: <mj-body> is never closed',
    ])
  })

  test('reports a misspelt closing tag once, against what it closes', ({ assert }) => {
    assert.deepEqual(
      report(newsletter('<mj-text>', 'Hej', '</mj-txt>', '<mj-text>Farvel</mj-text>')),
      ['line 7: </mj-txt> closes <mj-text> opened on line 5']
    )
  })

  test('reports mismatched nesting', ({ assert }) => {
    const source = [
      '<mjml>',
      '  <mj-body>',
      '    <mj-section>',
      '      <mj-column>',
      '    </mj-section>',
      '  </mj-body>',
      '</mjml>',
    ].join('\n')
    assert.deepEqual(report(source), ['line 4: <mj-column> is never closed'])
  })

  test('reports a stray closing tag of a known element without losing track', ({ assert }) => {
    assert.deepEqual(report(newsletter('<mj-text>Hej</mj-text>', '</mj-text>')), [
      'line 6: </mj-text> closes <mj-column> opened on line 4',
    ])
    assert.deepEqual(report('</mj-body>'), ['line 1: </mj-body> has no opening tag'])
  })

  test('accepts self-closing elements, and leaf elements left open as real templates do', ({
    assert,
  }) => {
    assert.deepEqual(
      report(
        newsletter(
          '<mj-image src="https://example.org/logo.png" />',
          '<mj-divider border-width="1px"/>',
          '<mj-image src="https://example.org/top.png" padding="0">'
        )
      ),
      []
    )
    assert.deepEqual(
      report(newsletter('<mj-spacer></mj-spacer>', '<mj-image src="a.png"></mj-image>')),
      []
    )
  })

  test('reads tag names without regard to case, as mjml does', ({ assert }) => {
    assert.deepEqual(report(newsletter('<MJ-TEXT>Hej</mj-text>')), [])
  })
})

test.group('findMarkupProblems: HTML inside content elements', () => {
  test('accepts void elements with and without a slash', ({ assert }) => {
    const html =
      '<br><BR/><hr><img src="a.png" alt=""><wbr><input type="text"><meta charset="utf-8">'
    assert.deepEqual(
      report(
        newsletter(
          `<mj-text>Hej ${html} <col><source><area><link><base><embed><param><track></mj-text>`
        )
      ),
      []
    )
  })

  test('accepts HTML that leaves out optional closing tags', ({ assert }) => {
    const sloppy = newsletter(
      '<mj-text>',
      '  <p>Første afsnit',
      '  <p>Andet afsnit<p>',
      '  <ul><li>et<li>to</ul>',
      '  <table><tr><td>a<td>b<tr><td>c</table>',
      '</mj-text>'
    )
    assert.deepEqual(report(sloppy), [])
  })

  test('accepts inline markup left open or misnested, as mail clients do', ({ assert }) => {
    assert.deepEqual(
      report(newsletter('<mj-text>', '<b>Vigtigt: <a href="#">læs</a>', '</mj-text>')),
      []
    )
    assert.deepEqual(report(newsletter('<mj-text><b><i>fed kursiv</b></i></mj-text>')), [])
  })

  test('reports a stray closing tag that would close the wrapper mjml adds', ({ assert }) => {
    assert.deepEqual(report(newsletter('<mj-text>', 'Hej</div>', '</mj-text>')), [
      'line 6: </div> has no opening tag',
    ])
  })

  test('reports the mj-text, not its HTML, when the mj-text is never closed', ({ assert }) => {
    assert.deepEqual(report(newsletter('<mj-text><p><b>Hej')), [
      'line 5: <mj-text> is never closed',
    ])
  })

  test('ignores tags in comments, CDATA and conditional comments', ({ assert }) => {
    const source = newsletter(
      '<!-- <mj-text> gammel tekst </mj-txt> -->',
      '<mj-text><![CDATA[ <mj-section> </p> ]]></mj-text>',
      '<mj-raw><!--[if mso]><table><tr><td><![endif]--></mj-raw>',
      '<mj-text><![if !mso]><div>ikke Outlook</div><![endif]></mj-text>'
    )
    assert.deepEqual(report(source), [])
  })

  test('does not read markup in mj-raw, mj-style and style', ({ assert }) => {
    const source = [
      '<mjml>',
      '  <mj-head>',
      '    <mj-style>div > p { color: red } a:not(<x>) {}</mj-style>',
      '    <mj-raw><style>td > span { }</style></mj-raw>',
      '  </mj-head>',
      '  <mj-body>',
      '    <mj-raw><div class="ramme"></mj-raw>',
      '    <mj-raw></div></mj-raw>',
      '    <mj-raw />',
      '  </mj-body>',
      '</mjml>',
    ].join('\n')
    assert.deepEqual(report(source), [])
  })

  test('reads > inside quoted attribute values as part of the value', ({ assert }) => {
    const source = newsletter(
      '<mj-button href="https://example.org/?a>b" title=\'x > y\'>',
      '  Tilmeld',
      '</mj-button>'
    )
    assert.deepEqual(report(source), [])
  })

  test('reports a tag or comment that never ends, on its line', ({ assert }) => {
    assert.deepEqual(report(newsletter('<mj-text color="red>Hej</mj-text>')), [
      'line 5: <mj-text> is never finished with >',
    ])
    assert.deepEqual(report(newsletter('<!-- glemt')), ['line 5: comment <!-- is never closed'])
  })

  test('counts lines across multi-line tags and attribute values', ({ assert }) => {
    const source = newsletter('<mj-text', '  css-class="a', '  b">', '  Hej', '</mj-txt>')
    assert.deepEqual(report(source), ['line 9: </mj-txt> closes <mj-text> opened on line 5'])
  })
})
