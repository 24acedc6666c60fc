import { escapeHtml } from '#newsletters/compose/placeholders'
import { absoluteUrlFor } from '#shared/absolute_url'

export type HouseStyle = {
  name: string
  address: string | null
  postcode: string | null
  city: string | null
  email: string | null
  /** The issue's subject, as the HTML's <title>; mail programs and screen readers show it. */
  title?: string | null
  /** The language of the issue's text (BCP 47), for screen readers' pronunciation; Danish unless said. */
  lang?: string | null
  /** The association's colour (settings): header band, buttons and quotes. */
  brandColour?: string | null
  /** The association's logo as stored (settings); shown on top when mail programs can show it. */
  logoPath?: string | null
}

const BRAND = '#1f5c99'

/** Gmail and Outlook show no SVG: such a logo is left out and the name shown instead. */
function mailLogoUrl(logoPath: string | null | undefined) {
  if (!logoPath || !/\.(png|jpe?g|gif)$/i.test(logoPath)) return null
  return absoluteUrlFor('logo.show')
}

/**
 * The association's frame around every issue: its name on top, its address
 * and the reader's own unsubscribe link in the footer. The secretariat
 * writes only the sections in between.
 */
export function wrapInHouseTemplate(sections: string, style: HouseStyle, preheader: string | null) {
  const address = [style.address, [style.postcode, style.city].filter(Boolean).join(' ')]
    .filter(Boolean)
    .join(', ')
  const brand = /^#[0-9a-f]{6}$/i.test(style.brandColour ?? '') ? style.brandColour! : BRAND
  const logo = mailLogoUrl(style.logoPath)
  const masthead = logo
    ? `<mj-section background-color="#ffffff" border-bottom="4px solid ${brand}"><mj-column><mj-image src="${escapeHtml(logo)}" alt="${escapeHtml(style.name)}" width="180px" align="left" /></mj-column></mj-section>`
    : `<mj-section background-color="${brand}"><mj-column><mj-text color="#ffffff" font-size="20px" font-weight="bold">${escapeHtml(style.name)}</mj-text></mj-column></mj-section>`
  const head = [
    `<mjml lang="${escapeHtml(style.lang || 'da')}">`,
    '<mj-head>',
    style.title?.trim() ? `<mj-title>${escapeHtml(style.title.trim())}</mj-title>` : '',
    // Blocks name these classes instead of a colour, so a new colour in settings restyles every issue.
    `<mj-attributes><mj-all font-family="Arial, Helvetica, sans-serif" /><mj-text font-size="16px" line-height="1.5" color="#1d2330" /><mj-class name="kb-button" background-color="${brand}" color="#ffffff" /><mj-class name="kb-quote" border-left="4px solid ${brand}" /></mj-attributes>`,
    preheader ? `<mj-preview>${escapeHtml(preheader)}</mj-preview>` : '',
    '</mj-head>',
    '<mj-body background-color="#f4f5f8">',
    masthead,
  ]
  const foot = [
    '<mj-section><mj-column>',
    `<mj-text font-size="12px" color="#5b6474" align="center">${escapeHtml(style.name)}${address ? ` · ${escapeHtml(address)}` : ''}${style.email ? ` · ${escapeHtml(style.email)}` : ''}<br /><a href="{{ web_url }}" style="color:#5b6474">Læs på nettet</a> · <a href="{{ share_url }}" style="color:#5b6474">Del med en kollega</a> · <a href="{{ unsubscribe_url }}" style="color:#5b6474">Afmeld</a></mj-text>`,
    '</mj-column></mj-section>',
    '</mj-body>',
    '</mjml>',
  ]
  // One line each, so a problem in the sections maps back to the editor by subtraction.
  const headLines = head.join('\n')
  return {
    source: `${headLines}\n${sections}\n${foot.join('\n')}`,
    sectionsStartLine: head.length + 1,
  }
}
