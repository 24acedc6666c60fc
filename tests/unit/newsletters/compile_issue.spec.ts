import { test } from '@japa/runner'
import { compileIssue } from '#newsletters/actions/compile_issue'

const STYLE = {
  name: 'Social Talks',
  address: 'Vesterbrogade 1',
  postcode: '1620',
  city: 'København V',
  email: 'sekretariat@example.org',
}

const GOOD = [
  '<mj-section>',
  '  <mj-column>',
  '    <mj-text>Kære {{ first_name }}, velkommen til Social Talks.</mj-text>',
  '    <mj-button href="{{ share_url }}">Del med en kollega</mj-button>',
  '  </mj-column>',
  '</mj-section>',
].join('\n')

test.group('Compiling an issue', () => {
  test('wraps the sections in the house template with name, address and unsubscribe link', async ({
    assert,
  }) => {
    const result = await compileIssue(GOOD, STYLE, 'Første nyhedsbrev')
    assert.deepEqual(result.problems, [])
    assert.include(result.html!, 'Kære {{ first_name }}, velkommen til Social Talks.')
    assert.include(result.html!, 'Vesterbrogade 1, 1620 København V')
    assert.include(result.html!, '{{ unsubscribe_url }}')
    assert.include(result.html!, 'Første nyhedsbrev')
  })

  test('an unknown placeholder is reported on the editor’s line', async ({ assert }) => {
    const result = await compileIssue(
      GOOD.replace('{{ share_url }}', '{{ share_link }}'),
      STYLE,
      null
    )
    assert.isNull(result.html)
    assert.equal(result.problems[0].line, 4)
    assert.match(result.problems[0].message, /unknown placeholder \{\{ share_link \}\}/)
  })

  test('an unclosed mj-text is reported on the editor’s line', async ({ assert }) => {
    const result = await compileIssue(
      GOOD.replace('velkommen til Social Talks.</mj-text>', 'velkommen'),
      STYLE,
      null
    )
    assert.isNull(result.html)
    assert.deepInclude(
      result.problems.map((problem) => problem.line),
      3
    )
  })

  test('an mjml rule broken in the sections is reported on the editor’s line', async ({
    assert,
  }) => {
    const result = await compileIssue(
      '<mj-column>\n  <mj-text>Forkert</mj-text>\n</mj-column>',
      STYLE,
      null
    )
    assert.isNull(result.html)
    assert.equal(result.problems[0].line, 1)
    assert.match(result.problems[0].message, /mj-column/)
  })
})
