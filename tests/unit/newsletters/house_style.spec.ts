import { test } from '@japa/runner'
import env from '#start/env'
import { compileIssue } from '#newsletters/actions/compile_issue'

const STYLE = {
  name: 'Social Talks',
  address: 'Vesterbrogade 1',
  postcode: '1620',
  city: 'København V',
  email: 'sekretariat@example.org',
}
const SECTIONS = '<mj-section><mj-column><mj-text>Hej</mj-text></mj-column></mj-section>'

test.group('House template', () => {
  test('a PNG logo heads the issue by its absolute address, named for screen readers', async ({
    assert,
  }) => {
    const { html, problems } = await compileIssue(
      SECTIONS,
      { ...STYLE, logoPath: 'uploads/association/logo.png', brandColour: '#7a1f5c' },
      null
    )
    assert.deepEqual(problems, [])
    assert.include(html!, `src="${env.get('APP_URL')}/association/logo"`)
    assert.include(html!, 'alt="Social Talks"')
    assert.include(html!, '#7a1f5c')
  })

  test('an SVG logo, which mail programs do not show, gives way to the name', async ({
    assert,
  }) => {
    const { html } = await compileIssue(
      SECTIONS,
      { ...STYLE, logoPath: 'uploads/association/logo.svg' },
      null
    )
    assert.notInclude(html!, '/association/logo')
    assert.match(html!, /<div[^>]*>Social Talks<\/div>/)
  })
})
