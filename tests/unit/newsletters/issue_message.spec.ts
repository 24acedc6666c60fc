import { test } from '@japa/runner'
import { personalise, prepareIssue } from '#newsletters/compose/issue_message'
import { compileIssue } from '#newsletters/actions/compile_issue'

const STYLE = { name: 'Social Talks', address: null, postcode: null, city: null, email: null }

test.group('Issue messages', () => {
  test('each reader’s copy has their own values in both parts, escaped only in the HTML', async ({
    assert,
  }) => {
    const compiled = await compileIssue(
      '<mj-section><mj-column><mj-text>Kære {{ first_name }}</mj-text><mj-button href="{{ share_url }}">Del</mj-button></mj-column></mj-section>',
      STYLE,
      null
    )
    const prepared = prepareIssue('Nyt fra Social Talks', compiled.html!)
    const values = {
      first_name: 'Søren & Co',
      share_url: 'https://kreds.example/s/TOKEN-A',
      forward_url: 'https://kreds.example/f/TOKEN-A',
      unsubscribe_url: 'https://kreds.example/u/A',
      preferences_url: 'https://kreds.example/p/A',
      web_url: 'https://kreds.example/w/1',
    }
    const copy = personalise(prepared, values)
    assert.include(copy.html, 'Kære Søren &amp; Co')
    assert.include(copy.html, 'href="https://kreds.example/s/TOKEN-A"')
    assert.include(copy.text, 'Kære Søren & Co')
    assert.include(copy.text, 'https://kreds.example/s/TOKEN-A')
    assert.include(copy.text, 'https://kreds.example/u/A')
    assert.notInclude(copy.html + copy.text, '{{')

    const other = personalise(prepared, {
      ...values,
      first_name: 'Bo',
      share_url: 'https://kreds.example/s/TOKEN-B',
    })
    assert.notInclude(other.html + other.text, 'TOKEN-A')
    assert.notInclude(other.html + other.text, 'Søren')
  })
})
