import type { BlockContent } from '#newsletters/blocks/block_types'
import { STARTER_BLOCKS } from '#newsletters/blocks/starter_blocks'

export type BuiltinTemplate = {
  key: BuiltinTemplateKey
  blocks: (association: { name: string }) => BlockContent[]
}

export const BUILTIN_TEMPLATE_KEYS = ['blank', 'news', 'invitation'] as const
export type BuiltinTemplateKey = (typeof BUILTIN_TEMPLATE_KEYS)[number]

/**
 * The layouts every association starts with, in blocks so they open in the
 * visual view. The association's name, logo, colours and footer come from
 * the house template and settings, so they look like the association at once.
 */
export const BUILTIN_TEMPLATES: BuiltinTemplate[] = [
  { key: 'blank', blocks: () => STARTER_BLOCKS },
  {
    key: 'news',
    blocks: ({ name }) => [
      { type: 'heading', level: 2, text: `Nyt fra ${name}` },
      {
        type: 'text',
        html: '<p>Kære {{ first_name }}</p><p>Skriv et par linjer om, hvad denne udgave handler om.</p>',
      },
      {
        type: 'article',
        image: null,
        heading: 'Første nyhed',
        html: '<p>Fortæl nyheden kort, og link til resten.</p>',
        link: null,
      },
      {
        type: 'article',
        image: null,
        heading: 'Anden nyhed',
        html: '<p>Endnu en kort nyhed.</p>',
        link: null,
      },
      {
        type: 'event',
        title: 'Næste arrangement',
        startsAt: '2027-01-14T16:00',
        place: 'Skriv stedet her',
        html: '<p>Hvad sker der, og for hvem? Tilføj et link til tilmeldingen.</p>',
        link: null,
      },
      { type: 'divider' },
      {
        type: 'text',
        html: '<p>Kender du en, der vil have glæde af nyhedsbrevet? Del det med dit personlige link.</p>',
      },
      { type: 'button', label: 'Del nyhedsbrevet med en kollega', href: '{{ share_url }}' },
    ],
  },
  {
    key: 'invitation',
    blocks: ({ name }) => [
      { type: 'heading', level: 2, text: `${name} inviterer` },
      { type: 'text', html: '<p>Kære {{ first_name }}</p><p>Vi vil gerne invitere dig til …</p>' },
      {
        type: 'event',
        title: 'Arrangementets titel',
        startsAt: '2027-01-14T16:00',
        place: 'Skriv stedet her',
        html: '<p>Program, pris og hvem det er for. Tilføj et link til tilmeldingen.</p>',
        link: null,
      },
      { type: 'button', label: 'Inviter en kollega med', href: '{{ share_url }}' },
    ],
  },
]
