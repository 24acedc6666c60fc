import {
  fillTemplate,
  splitAtPlaceholders,
  type PlaceholderValues,
} from '#newsletters/compose/placeholders'

/** A made-up reader for previews, so the secretariat sees a filled copy. */
export const SAMPLE_READER: PlaceholderValues = {
  first_name: 'Ida',
  share_url: '#del',
  forward_url: '#videresend',
  unsubscribe_url: '#afmeld',
  preferences_url: '#indstillinger',
  web_url: '#web',
}

export function previewCopy(html: string) {
  return fillTemplate(splitAtPlaceholders(html), SAMPLE_READER)
}

/** The sections a new issue starts from. */
export const STARTER_SECTIONS = `<mj-section>
  <mj-column>
    <mj-text font-size="22px" font-weight="bold">Overskrift</mj-text>
    <mj-text>Kære {{ first_name }}</mj-text>
    <mj-text>Skriv nyhedsbrevet her.</mj-text>
    <mj-button href="{{ share_url }}">Del med en kollega</mj-button>
  </mj-column>
</mj-section>`
