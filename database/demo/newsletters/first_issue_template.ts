import type { BlockContent } from '#newsletters/blocks/block_types'

/**
 * Social Talks' first newsletter, after the founding on 15 January 2021, as
 * visual blocks: the template the secretariat starts the next welcome from.
 */
export const FIRST_ISSUE_BLOCKS: BlockContent[] = [
  { type: 'heading', level: 2, text: 'Velkommen til Social Talks' },
  {
    type: 'text',
    html: '<p>Kære {{ first_name }}</p><p>Den 15. januar 2021 blev Social Talks stiftet som almennyttig forening på en stiftende generalforsamling, der foregik online. Det, der begyndte som et projekt, er nu en forening med ét formål: at få god viden ud til dem, der hver dag arbejder med børn og unge.</p>',
  },
  { type: 'heading', level: 3, text: 'Syv stiftende medlemmer' },
  {
    type: 'text',
    html: "<p>Foreningen er stiftet af organisationer, der taler for børn, unge og familier og for de fagfolk, der arbejder med dem:</p><ul><li>LIVSVÆRK</li><li>Socialt Udviklingscenter SUS</li><li>Metodecentret</li><li>Det Sociale Netværk</li><li>Dansk Socialrådgiverforening</li><li>Fri Af Misbrug</li><li>De Anbragtes Vilkår</li></ul><p>Der er plads til flere: kommuner, regioner, NGO'er og forsknings- og uddannelsesinstitutioner er velkomne, og vi søger et tættere samarbejde med fondene.</p>",
  },
  { type: 'heading', level: 3, text: 'Tre tilbud til medlemmer og læsere' },
  {
    type: 'columns',
    columns: [
      [
        { type: 'heading', level: 3, text: 'Video Talks' },
        {
          type: 'text',
          html: '<p>Korte film, hvor fagfolk deler deres viden. Produktionsdagen lægges, når der er tilmeldinger nok.</p>',
        },
      ],
      [
        { type: 'heading', level: 3, text: 'Vidensmægler' },
        {
          type: 'text',
          html: '<p>En online uddannelse fra marts for dem, der vil bringe ny viden ind i deres organisation.</p>',
        },
      ],
      [
        { type: 'heading', level: 3, text: 'Lokalt Læringsløft' },
        {
          type: 'text',
          html: '<p>Et forløb, der skræddersys til én organisation og dens folk.</p>',
        },
      ],
    ],
  },
  { type: 'divider' },
  {
    type: 'text',
    html: '<p>Kender du en kollega, der kunne have glæde af nyhedsbrevet? Del dit personlige link.</p>',
  },
  { type: 'button', label: 'Del nyhedsbrevet med dine kolleger', href: '{{ share_url }}' },
  {
    type: 'text',
    html: '<p>Spørgsmål? Skriv til sekretariatet på <a href="mailto:sekretariat@example.org">sekretariat@example.org</a>.</p>',
  },
]
