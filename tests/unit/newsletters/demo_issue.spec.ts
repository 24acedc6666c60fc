import { test } from '@japa/runner'
import { readFile } from 'node:fs/promises'
import app from '@adonisjs/core/services/app'
import { compileIssue } from '#newsletters/actions/compile_issue'
import { reviewIssue } from '#newsletters/checks/review_issue'
import { renderBlocks } from '#newsletters/blocks/render_blocks'
import { readBlocks } from '#newsletters/blocks/read_blocks'
import { FIRST_ISSUE_BLOCKS } from '#database/demo/newsletters/first_issue_template'

test.group('The demo newsletter', () => {
  test('compiles in the house template with no problems', async ({ assert }) => {
    const sections = await readFile(
      app.makePath('database/demo/newsletters/first_issue.mjml'),
      'utf8'
    )
    const result = await compileIssue(
      sections,
      {
        name: 'Social Talks',
        address: 'Vesterbrogade 1',
        postcode: '1620',
        city: 'København V',
        email: 'sekretariat@example.org',
      },
      'Foreningen er stiftet'
    )
    assert.deepEqual(result.problems, [])
    for (const fact of [
      '15. januar 2021',
      'LIVSVÆRK',
      'De Anbragtes Vilkår',
      'Video Talks',
      'vidensmægler',
      'Lokalt Læringsløft',
    ]) {
      assert.include(result.html!, fact)
    }
    assert.include(result.html!, '{{ share_url }}')
  })

  test('the second issue, a draft, compiles too and asks readers to pass it on', async ({
    assert,
  }) => {
    const sections = await readFile(
      app.makePath('database/demo/newsletters/second_issue.mjml'),
      'utf8'
    )
    const result = await compileIssue(
      sections,
      { name: 'Social Talks', address: null, postcode: null, city: null, email: null },
      null
    )
    assert.deepEqual(result.problems, [])
    assert.include(result.html!, '{{ forward_url }}')
  })

  test('the welcome template is the first issue in visual blocks, checked like any issue', async ({
    assert,
  }) => {
    const sections = renderBlocks(FIRST_ISSUE_BLOCKS)
    assert.deepEqual(readBlocks(sections), FIRST_ISSUE_BLOCKS)
    const review = await reviewIssue(
      {
        subject: 'Velkommen til Social Talks',
        preheader: 'Foreningen er stiftet',
        bodyMjml: sections,
      },
      {
        name: 'Social Talks',
        address: 'Vesterbrogade 1',
        postcode: '1620',
        city: 'København V',
        email: 'sekretariat@example.org',
      }
    )
    assert.deepEqual(review.problems, [])
    assert.deepEqual(
      review.checks.filter((check) => check.blocking),
      []
    )
    for (const fact of ['15. januar 2021', 'LIVSVÆRK', 'Video Talks', 'Lokalt Læringsløft']) {
      assert.include(review.html!, fact)
    }
  })
})
