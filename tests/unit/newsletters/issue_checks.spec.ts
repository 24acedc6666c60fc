import { test } from '@japa/runner'
import env from '#start/env'
import { checkIssue, GMAIL_CLIP_BYTES } from '#newsletters/checks/check_issue'
import { describeChecks } from '#newsletters/checks/messages'
import { contrastRatio, parseColour } from '#shared/colours'
import { isPrivateHost } from '#newsletters/checks/links'
import { reviewIssue } from '#newsletters/checks/review_issue'
import type { CheckCode } from '#newsletters/checks/types'

/** A compiled issue's bones: the two required placeholders and whatever the test adds. */
function page(body: string) {
  return `<!doctype html><html lang="da"><head><title>T</title></head><body style="background-color:#ffffff">
<div style="display:none">skjult forhåndstekst</div>${body}
<p><a href="{{ unsubscribe_url }}">Afmeld nyhedsbrevet</a> <a href="{{ share_url }}">Del med en kollega</a></p></body></html>`
}

function run(body: string, envelope: { subject?: string | null; preheader?: string | null } = {}) {
  return checkIssue({
    subject: envelope.subject === undefined ? 'Nyt fra foreningen' : envelope.subject,
    preheader: envelope.preheader === undefined ? 'Kort fortalt' : envelope.preheader,
    html: page(body),
  })
}

function only(code: CheckCode, body: string, envelope = {}) {
  return run(body, envelope).filter((check) => check.code === code)
}

function messageOf(code: CheckCode, body: string, envelope = {}) {
  return describeChecks(only(code, body, envelope))[0]?.message
}

const STYLE = {
  name: 'Social Talks',
  address: 'Vesterbrogade 1',
  postcode: '1620',
  city: 'København V',
  email: 'kontakt@socialtalks.example',
}

test.group('Checks before sending', () => {
  test('a clean issue has no findings', ({ assert }) => {
    assert.deepEqual(
      run('<h1>Nyt</h1><h2>Kurser</h2><p>Tekst</p><img src="https://x.dk/a.png" alt="Et kursus">'),
      []
    )
  })

  test('the house template passes every check', async ({ assert }) => {
    const body =
      '<mj-section><mj-column><mj-text>Kære {{ first_name }}</mj-text></mj-column></mj-section>'
    const review = await reviewIssue({ subject: 'Nyt', preheader: 'Kort', bodyMjml: body }, STYLE)
    assert.deepEqual(review.checks, [])
    assert.equal(review.blocking, 0)
    assert.match(review.html!, /<html lang="da"/)
    assert.include(review.html!, '<title>Nyt</title>')
  })

  test('subject missing blocks, preheader missing warns', ({ assert }) => {
    const subject = only('subject_missing', '', { subject: ' ' })
    assert.equal(subject[0].blocking, true)
    assert.equal(
      messageOf('subject_missing', '', { subject: '' }),
      'Udgaven har intet emne. Skriv et emne; det er det første modtageren ser.'
    )
    const preheader = only('preheader_missing', '', { preheader: null })
    assert.equal(preheader[0].blocking, false)
    assert.include(messageOf('preheader_missing', '', { preheader: '' }), 'ingen forhåndstekst')
    assert.lengthOf(only('subject_missing', ''), 0)
    assert.lengthOf(only('preheader_missing', ''), 0)
  })

  test('an image without alt text blocks unless marked decorative', ({ assert }) => {
    const missing = only('image_alt_missing', '<img src="https://x.dk/billeder/sol.png" alt="">')
    assert.lengthOf(missing, 1)
    assert.isTrue(missing[0].blocking)
    assert.equal(missing[0].where, 'sol.png')
    assert.include(
      messageOf('image_alt_missing', '<img src="https://x.dk/sol.png">'),
      'Billedet sol.png har ingen alt-tekst'
    )
    assert.lengthOf(
      only('image_alt_missing', '<img src="https://x.dk/sol.png" alt="Solopgang">'),
      0
    )
    assert.lengthOf(
      only(
        'image_alt_missing',
        '<table><tr><td class="decorative"><img src="https://x.dk/streg.png" alt=""></td></tr></table>'
      ),
      0
    )
    assert.lengthOf(
      only('image_alt_missing', '<img src="https://x.dk/streg.png" alt="" role="presentation">'),
      0
    )
  })

  test('an image without a full public address blocks', ({ assert }) => {
    assert.lengthOf(only('image_not_absolute', '<img src="/media/sol.png" alt="Sol">'), 1)
    assert.lengthOf(
      only('image_not_absolute', '<img src="http://localhost:3333/sol.png" alt="Sol">'),
      1
    )
    assert.lengthOf(only('image_not_absolute', '<img src="https://x.dk/sol.png" alt="Sol">'), 0)
    assert.include(
      messageOf('image_not_absolute', '<img src="sol.png" alt="Sol">'),
      'ikke en fuld, offentlig adresse'
    )
  })

  test("Kreds' own address is trusted for its media and links, wherever it runs", ({ assert }) => {
    const own = env.get('APP_URL')
    assert.match(own, /127\.0\.0\.1|localhost/)
    const image = `<img src="${own}/media/${'a'.repeat(32)}/600.png" alt="Sol">`
    assert.lengthOf(only('image_not_absolute', image), 0)
    assert.lengthOf(only('link_private_host', `<a href="${own}/nyhedsbrev/x">Arkivet</a>`), 0)
    const otherPort = own.replace(/:(\d+)$/, (_m, port) => `:${Number(port) + 1}`)
    assert.lengthOf(only('image_not_absolute', `<img src="${otherPort}/sol.png" alt="Sol">`), 1)
  })

  test('vague link texts warn', ({ assert }) => {
    for (const text of ['Klik her', 'læs mere …', 'HER', 'link', 'Læs mere!']) {
      const found = only('link_text_vague', `<a href="https://x.dk">${text}</a>`)
      assert.lengthOf(found, 1, text)
      assert.isFalse(found[0].blocking)
    }
    assert.lengthOf(only('link_text_vague', '<a href="https://x.dk">Læs mere om kurset</a>'), 0)
    assert.equal(
      messageOf('link_text_vague', '<a href="https://x.dk">klik her</a>'),
      'Linkteksten "klik her" siger ikke, hvor linket fører hen. Skriv, hvad læseren får, fx "Læs referatet fra generalforsamlingen".'
    )
  })

  test('links to #, nowhere, javascript: or private hosts block', ({ assert }) => {
    const cases: [string, CheckCode][] = [
      ['#', 'link_fragment'],
      ['#top', 'link_fragment'],
      ['', 'link_empty'],
      ['java\tscript:alert(1)', 'link_javascript'],
      ['http://localhost:3333/x', 'link_private_host'],
      ['http://127.0.0.1/x', 'link_private_host'],
      ['https://192.168.1.10/', 'link_private_host'],
      ['http://[::1]/', 'link_private_host'],
      ['/side', 'link_relative'],
    ]
    for (const [href, code] of cases) {
      const found = only(code, `<a href="${href}">Programmet</a>`)
      assert.lengthOf(found, 1, href)
      assert.isTrue(found[0].blocking)
    }
    assert.lengthOf(only('link_empty', '<a>Programmet</a>'), 1)
    for (const href of [
      'https://example.org/x',
      'mailto:a@b.dk',
      '{{ web_url }}',
      'https://10x.dk/',
    ]) {
      assert.deepEqual(run(`<a href="${href}">Programmet</a>`), [], href)
    }
    assert.equal(
      messageOf('link_private_host', '<a href="http://localhost/x">Programmet</a>'),
      'Linket "Programmet" peger på http://localhost/x, som kun findes på jeres egen maskine eller jeres eget netværk.'
    )
    assert.isTrue(isPrivateHost('printer.local'))
    assert.isFalse(isPrivateHost('172.32.0.1'))
  })

  test('low contrast warns with the text and both colours; large text needs 3:1', ({ assert }) => {
    const grey =
      '<div style="background-color:#ffffff"><p style="color:#999999">Tilmeld dig</p></div>'
    const found = only('low_contrast', grey)
    assert.lengthOf(found, 1)
    assert.isFalse(found[0].blocking)
    assert.equal(
      messageOf('low_contrast', grey),
      'Teksten "Tilmeld dig" (#999999 på #ffffff) har en kontrast på 2,8:1; den skal være mindst 4,5:1, for at alle kan læse den.'
    )
    // The background comes from an ancestor's bgcolor or background shorthand.
    assert.lengthOf(
      only(
        'low_contrast',
        '<table bgcolor="#1f5c99"><tr><td><span style="color:#333">Mørkt</span></td></tr></table>'
      ),
      1
    )
    assert.lengthOf(
      only(
        'low_contrast',
        '<div style="background:#1f5c99 top"><p style="color:#fff">Lyst</p></div>'
      ),
      0
    )
    // #888 on white is 3.5:1: enough only for large text.
    assert.lengthOf(only('low_contrast', '<p style="color:#888888;font-size:24px">Stor</p>'), 0)
    assert.lengthOf(
      only('low_contrast', '<p style="color:#888888;font-size:19px;font-weight:bold">Fed</p>'),
      0
    )
    assert.lengthOf(only('low_contrast', '<p style="color:#888888;font-size:19px">Lille</p>'), 1)
    // Over a picture the colour behind the text is unknown: nothing is guessed.
    assert.lengthOf(
      only(
        'low_contrast',
        '<div style="background-image:url(x.png)"><p style="color:#999">Over et billede</p></div>'
      ),
      0
    )
    assert.approximately(contrastRatio(parseColour('#777')!, parseColour('white')!), 4.48, 0.01)
    assert.isNull(parseColour('rgba(0,0,0,0.5)'))
  })

  test('headings out of order warn', ({ assert }) => {
    const skipped = only('heading_skipped', '<h1>A</h1><h3>Program</h3>')
    assert.lengthOf(skipped, 1)
    assert.isFalse(skipped[0].blocking)
    assert.equal(
      messageOf('heading_skipped', '<h2>A</h2><h3>B</h3><h4>C</h4><h3>Program</h3>'),
      undefined
    )
    assert.equal(
      messageOf('heading_skipped', '<h3>Program</h3>'),
      'Overskriften "Program" er på niveau 3, men der er ingen overskrift på niveau 2 før den.'
    )
    assert.lengthOf(only('heading_many_h1', '<h1>A</h1><h1>B</h1><h1>C</h1>'), 1)
    assert.include(messageOf('heading_many_h1', '<h1>A</h1><h1>B</h1>'), '"B" er nummer to')
  })

  test('an issue over Gmail’s clipping limit warns, measured on a reader’s copy', ({ assert }) => {
    const filler = `<p>${'æ'.repeat(Math.ceil(GMAIL_CLIP_BYTES / 2))}</p>`
    const found = only('too_large', filler)
    assert.lengthOf(found, 1)
    assert.isFalse(found[0].blocking)
    assert.include(messageOf('too_large', filler), 'Gmail skjuler alt efter 102 KB')
    assert.lengthOf(only('too_large', '<p>kort</p>'), 0)
    // The placeholders are measured filled in: a long reader's link adds to every one.
    const links = '<a href="{{ web_url }}">Læs på nettet</a>'.repeat(900)
    const reader = {
      first_name: '',
      share_url: '',
      forward_url: '',
      unsubscribe_url: '',
      preferences_url: '',
      web_url: 'https://x.dk/' + 'w'.repeat(100),
    }
    const html = page(links)
    assert.isTrue(Buffer.byteLength(html) < GMAIL_CLIP_BYTES)
    assert.lengthOf(
      checkIssue({ subject: 'S', preheader: 'P', html, reader }).filter(
        (c) => c.code === 'too_large'
      ),
      1
    )
  })

  test('the unsubscribe and share placeholders must be there', ({ assert }) => {
    const html = '<html><body><p>Intet andet</p></body></html>'
    const found = checkIssue({ subject: 'S', preheader: 'P', html })
    assert.deepEqual(
      found.map((c) => [c.code, c.blocking]),
      [
        ['unsubscribe_missing', true],
        ['share_missing', true],
      ]
    )
    assert.include(describeChecks(found)[0].message, 'mangler linket til afmelding')
    assert.include(describeChecks(found)[1].message, 'dele det med en kollega')
  })

  test('blocking findings come first; English messages for English readers', async ({ assert }) => {
    const found = run('<a href="https://x.dk">her</a><img src="https://x.dk/a.png">')
    assert.deepEqual(
      found.map((c) => c.code),
      ['image_alt_missing', 'link_text_vague']
    )
    const i18n = (await import('@adonisjs/i18n/services/main')).default.locale('en')
    assert.include(describeChecks(found, i18n)[0].message, 'has no alt text')
  })
})
