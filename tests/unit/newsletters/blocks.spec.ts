import { existsSync } from 'node:fs'
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import type { BlockContent } from '#newsletters/blocks/block_types'
import { renderBlocks } from '#newsletters/blocks/render_blocks'
import { readBlocks } from '#newsletters/blocks/read_blocks'
import { sanitizeRichText } from '#newsletters/blocks/rich_text'
import { compileIssue } from '#newsletters/actions/compile_issue'

const STYLE = {
  name: 'Social Talks',
  address: 'Vesterbrogade 1',
  postcode: '1620',
  city: 'København V',
  email: 'info@socialtalks.dk',
}

/** One of every block, with the values that are hardest to keep: quotes, ampersands, angle brackets. */
export const EVERY_BLOCK: BlockContent[] = [
  { type: 'heading', level: 2, text: 'Nyt fra "Social Talks" & venner <2026>' },
  {
    type: 'text',
    html: '<p>Kære {{ first_name }}, <strong>velkommen</strong> og <em>tak</em>. <a href="https://socialtalks.dk/a?b=1&amp;c=2">Læs programmet</a></p><ul><li>Et</li><li>To</li></ul>',
  },
  {
    type: 'image',
    src: 'https://socialtalks.dk/media/abc/600.jpg',
    alt: 'Deltagere ved "Folkemødet"',
    href: 'https://socialtalks.dk',
  },
  { type: 'image', src: 'https://socialtalks.dk/media/def/600.png', alt: 'Logo', href: null },
  { type: 'button', label: 'Del med en kollega', href: '{{ share_url }}' },
  { type: 'divider' },
  { type: 'spacer', size: 'medium' },
  { type: 'quote', html: '<p>Netværket gjorde en forskel.</p>', by: 'Mette Ø., formand' },
  {
    type: 'article',
    image: { src: 'https://socialtalks.dk/media/ghi/600.jpg', alt: 'Mødesal' },
    heading: 'Årsmødet 2026',
    html: '<p>Vi samledes i Odense.</p>',
    link: { label: 'Læs referatet fra årsmødet', href: 'https://socialtalks.dk/aarsmoede' },
  },
  { type: 'article', image: null, heading: 'Kort nyt', html: '<p>Intet billede.</p>', link: null },
  {
    type: 'event',
    title: 'Temadag om frivillighed',
    startsAt: '2026-03-29T19:00',
    place: 'Dokk1, Aarhus',
    html: '<p>Gratis for medlemmer.</p>',
    link: { label: 'Tilmeld dig temadagen', href: 'https://socialtalks.dk/tilmeld' },
  },
  {
    type: 'event',
    title: 'Generalforsamling',
    startsAt: '2026-10-25T17:30',
    place: 'Online',
    html: '',
    link: null,
  },
  {
    type: 'social',
    links: [
      { network: 'linkedin', href: 'https://www.linkedin.com/company/socialtalks' },
      { network: 'web', href: 'https://socialtalks.dk' },
    ],
  },
  {
    type: 'columns',
    columns: [
      [
        { type: 'heading', level: 3, text: 'Til venstre' },
        { type: 'text', html: '<p>Første kolonne</p>' },
      ],
      [
        {
          type: 'image',
          src: 'https://socialtalks.dk/media/jkl/600.jpg',
          alt: 'Portræt',
          href: null,
        },
        { type: 'button', label: 'Mød bestyrelsen', href: 'https://socialtalks.dk/bestyrelse' },
      ],
      [{ type: 'text', html: '<p>Tredje kolonne</p>' }],
    ],
  },
]

const corpus = app.makePath('..', 'shared', 'mjml-corpus')

test.group('Visual blocks', () => {
  test('every block reads back from its own MJML as it was', ({ assert }) => {
    const mjml = renderBlocks(EVERY_BLOCK)
    assert.deepEqual(readBlocks(mjml), EVERY_BLOCK)
    assert.equal(renderBlocks(readBlocks(mjml)), mjml)
  })

  test('a visual issue compiles in the house template without a problem', async ({ assert }) => {
    const result = await compileIssue(renderBlocks(EVERY_BLOCK), STYLE, 'Forsmag')
    assert.deepEqual(result.problems, [])
    assert.include(result.html!, 'Nyt fra "Social Talks" &amp; venner &lt;2026&gt;')
    assert.include(result.html!, 'alt="Deltagere ved &quot;Folkemødet&quot;"')
    assert.include(
      result.html!,
      '<time datetime="2026-03-29T19:00">29. marts 2026 kl. 19.00</time>'
    )
  })

  test('MJML the blocks do not make stays locked and byte for byte the same', ({ assert }) => {
    const own = renderBlocks([{ type: 'divider' }])
    const written = `<mj-section>\n  <mj-column>\n    <mj-text font-size="22px">Håndskrevet</mj-text>\n  </mj-column>\n</mj-section>`
    const edited = own.replace('1px', '2px')
    const source = [written, own, edited].join('\n')
    const blocks = readBlocks(source)
    assert.deepEqual(
      blocks.map((block) => block.type),
      ['raw', 'divider', 'raw']
    )
    assert.equal(renderBlocks(blocks), source)
  })

  test('odd spacing and comments between sections are kept', ({ assert }) => {
    for (const source of [
      '',
      '<mj-section><mj-column><mj-text>A</mj-text></mj-column></mj-section> <mj-section></mj-section>',
      '<!-- top -->\n<mj-section>\n</mj-section>\n\n\n<mj-wrapper><mj-section /></mj-wrapper>\n',
      '<mj-section><mj-column><mj-text>1 < 2 > 0 </mj-section></mj-text></mj-column></mj-section>',
      'tekst uden elementer',
      '<mj-section><mj-column>',
    ]) {
      assert.equal(renderBlocks(readBlocks(source)), source, JSON.stringify(source))
    }
  })

  test('every template of the corpus survives reading and rendering unchanged', async ({
    assert,
  }) => {
    const files = (await readdir(corpus)).filter((name) => name.endsWith('.mjml'))
    assert.isAbove(files.length, 10)
    for (const file of files) {
      const source = await readFile(join(corpus, file), 'utf8')
      const body = /<mj-body[^>]*>([\s\S]*)<\/mj-body>/.exec(source)?.[1] ?? source
      assert.equal(renderBlocks(readBlocks(body)), body, file)
    }
  }).skip(
    !existsSync(corpus) && !process.env.CI,
    'the MJML corpus is not checked out next to the app'
  )

  test('rich text keeps the allowed markup and drops the rest, links included', ({ assert }) => {
    assert.equal(
      sanitizeRichText(
        '<p style="color:red" onclick="x()">Hej <b>alle</b> <i>sammen</i><script>alert(1)</script></p>\n<img src=x onerror=alert(1)>'
      ),
      '<p>Hej <strong>alle</strong> <em>sammen</em></p>'
    )
    assert.equal(
      sanitizeRichText(
        '<a href="javascript:alert(1)">farlig</a> <a href="/relativ">relativ</a> <a href="http://localhost">lokal</a>'
      ),
      'farlig relativ lokal'
    )
    assert.equal(
      sanitizeRichText('<a href="{{ share_url }}">del</a> <a href="mailto:a@b.dk">skriv</a>'),
      '<a href="{{ share_url }}">del</a> <a href="mailto:a@b.dk">skriv</a>'
    )
    assert.equal(sanitizeRichText('<p>x</mj-text><mj-raw>y</mj-raw></p>'), '<p>xy</p>')
    const once = sanitizeRichText('<p>A &amp; B &lt;C&gt; "D"</p>')
    assert.equal(sanitizeRichText(once), once)
  })
})
