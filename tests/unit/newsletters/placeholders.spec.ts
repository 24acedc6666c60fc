import { test } from '@japa/runner'
import {
  escapeHtml,
  fillTemplate,
  findUnknownPlaceholders,
  splitAtPlaceholders,
  type PlaceholderValues,
} from '#newsletters/compose/placeholders'

const VALUES: PlaceholderValues = {
  first_name: 'Ida',
  share_url: 'https://kreds.example/s/abc',
  forward_url: 'https://kreds.example/f/abc',
  unsubscribe_url: 'https://kreds.example/u/abc',
  preferences_url: 'https://kreds.example/p/abc',
  web_url: 'https://kreds.example/w/1',
}

test.group('Newsletter placeholders', () => {
  test('known placeholders pass, with any spacing inside the braces', ({ assert }) => {
    assert.deepEqual(
      findUnknownPlaceholders('<p>Hej {{first_name}}, {{ share_url }} {{  web_url  }}</p>'),
      []
    )
  })

  test('an unknown placeholder is an error on its line', ({ assert }) => {
    const problems = findUnknownPlaceholders(
      '<mj-text>\n  Hej {{ firstname }}\n  {{ process.env.APP_KEY }}\n</mj-text>'
    )
    assert.deepEqual(
      problems.map((problem) => problem.line),
      [2, 3]
    )
    assert.match(
      problems[0].message,
      /^unknown placeholder \{\{ firstname \}\}: use one of \{\{ first_name \}\}/
    )
  })

  test('a reader’s copy fills every placeholder, escaped', ({ assert }) => {
    const template = splitAtPlaceholders(
      '<p>Hej {{ first_name }}!</p><a href="{{ share_url }}">Del</a>{{ first_name }}'
    )
    assert.deepEqual(template.names, ['first_name', 'share_url', 'first_name'])
    const copy = fillTemplate(template, { ...VALUES, first_name: '<b>"Søren" & Co</b>' })
    assert.equal(
      copy,
      '<p>Hej &lt;b&gt;&quot;Søren&quot; &amp; Co&lt;/b&gt;!</p><a href="https://kreds.example/s/abc">Del</a>&lt;b&gt;&quot;Søren&quot; &amp; Co&lt;/b&gt;'
    )
  })

  test('a name cannot break out of an attribute', ({ assert }) => {
    const copy = fillTemplate(splitAtPlaceholders('<img alt="{{ first_name }}">'), {
      ...VALUES,
      first_name: '" onerror="alert(1)',
    })
    assert.equal(copy, '<img alt="&quot; onerror=&quot;alert(1)">')
  })

  test('a template without placeholders is one piece', ({ assert }) => {
    const template = splitAtPlaceholders('<p>Ingen</p>')
    assert.deepEqual(template, { pieces: ['<p>Ingen</p>'], names: [] })
    assert.equal(fillTemplate(template, VALUES), '<p>Ingen</p>')
  })

  test('the text part can be filled without HTML escaping', ({ assert }) => {
    const copy = fillTemplate(
      splitAtPlaceholders('Hej {{ first_name }}'),
      { ...VALUES, first_name: 'Ærø & Co' },
      (v) => v
    )
    assert.equal(copy, 'Hej Ærø & Co')
    assert.equal(escapeHtml("'"), '&#39;')
  })
})
