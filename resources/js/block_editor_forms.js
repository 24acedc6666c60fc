/*
 * Each block's small form. A field writes straight into its block and calls
 * `changed()`, which marks the block edited: only what the person typed into
 * ever changes, and an optional part (an article's image or link) exists
 * exactly while one of its fields has something in it.
 */
import { button, el, inputField, selectField } from './block_editor_dom.js'
import { richTextField } from './block_editor_rich_text.js'
import { columnsFields, socialFields } from './block_editor_lists.js'

export function buildFields(block, ctx) {
  const body = el('div', { class: 'block-fields' })
  body.append(...fieldsOf(block, ctx))
  return body
}

export function fieldsOf(block, ctx) {
  const { t } = ctx
  switch (block.type) {
    case 'heading':
      return [
        text(ctx, t('fields.heading'), block.text, (value) => (block.text = value), true),
        selectField({
          label: t('fields.level'),
          value: block.level,
          options: [
            ['2', t('fields.level_2')],
            ['3', t('fields.level_3')],
          ],
          onChange: (value) => {
            block.level = Number(value)
            ctx.changed()
          },
        }),
      ]
    case 'text':
      return [rich(ctx, t('fields.text'), block.html, (html) => (block.html = html))]
    case 'image':
      return [
        ...imageFields(ctx, block, (image) => Object.assign(block, image)),
        link(ctx, t('fields.image_href'), block.href ?? '', (href) => (block.href = href || null)),
      ]
    case 'button':
      return [
        text(ctx, t('fields.label'), block.label, (value) => (block.label = value), true),
        link(ctx, t('fields.href'), block.href, (href) => (block.href = href), true),
      ]
    case 'divider':
      return [el('p', { class: 'hint', text: t('divider_text') })]
    case 'spacer':
      return [
        selectField({
          label: t('fields.size'),
          value: block.size,
          options: ['small', 'medium', 'large'].map((size) => [size, t(`fields.size_${size}`)]),
          onChange: (value) => {
            block.size = value
            ctx.changed()
          },
        }),
      ]
    case 'quote':
      return [
        rich(ctx, t('fields.quote'), block.html, (html) => (block.html = html)),
        text(ctx, t('fields.by'), block.by, (value) => (block.by = value)),
      ]
    case 'article':
      return [
        ...imageFields(ctx, block.image ?? { src: '', alt: '' }, (image) => {
          const next = { ...(block.image ?? { src: '', alt: '' }), ...image }
          block.image = next.src || next.alt ? next : null
        }),
        text(ctx, t('fields.heading'), block.heading, (value) => (block.heading = value), true),
        rich(ctx, t('fields.text'), block.html, (html) => (block.html = html)),
        ...optionalLink(ctx, block),
      ]
    case 'event':
      return [
        text(ctx, t('fields.title'), block.title, (value) => (block.title = value), true),
        inputField({
          label: t('fields.starts_at'),
          type: 'datetime-local',
          value: block.startsAt,
          required: true,
          onInput: (value) => {
            block.startsAt = value
            ctx.changed()
          },
        }).field,
        text(ctx, t('fields.place'), block.place, (value) => (block.place = value), true),
        rich(ctx, t('fields.description'), block.html, (html) => (block.html = html)),
        ...optionalLink(ctx, block),
      ]
    case 'social':
      return [socialFields(block, ctx)]
    case 'columns':
      return [columnsFields(block, ctx)]
    case 'raw':
      return [lockedExcerpt(block, t)]
  }
  return []
}

function text(ctx, label, value, set, required = false) {
  return inputField({
    label,
    value,
    required,
    onInput: (typed) => {
      set(typed)
      ctx.changed()
    },
  }).field
}

/** Links may be reader placeholders, which a type="url" field would refuse. */
export function link(ctx, label, value, set, required = false) {
  return inputField({
    label,
    value,
    required,
    hint: ctx.t('fields.href_hint'),
    attrs: { inputmode: 'url', spellcheck: 'false' },
    onInput: (typed) => {
      set(typed.trim())
      ctx.changed()
    },
  }).field
}

function rich(ctx, label, html, set) {
  const editor = richTextField({
    label,
    html,
    t: ctx.t,
    onChange: (value) => {
      set(value)
      ctx.changed()
    },
  })
  ctx.track(editor)
  return editor.field
}

/** An article's or event's "læs mere" link: there when either field has something in it. */
function optionalLink(ctx, block) {
  const current = () => block.link ?? { label: '', href: '' }
  const update = (part) => {
    const next = { ...current(), ...part }
    block.link = next.label || next.href ? next : null
  }
  return [
    text(ctx, ctx.t('fields.link_label'), current().label, (label) => update({ label })),
    link(ctx, ctx.t('fields.link_href'), current().href, (href) => update({ href })),
  ]
}

/**
 * Address and alt text of an image, with the picker that fills both. The
 * address stays typeable: an https image works without the library.
 */
export function imageFields(ctx, image, set) {
  const { t } = ctx
  const src = inputField({
    label: t('fields.src'),
    value: image.src,
    required: true,
    attrs: { inputmode: 'url', spellcheck: 'false' },
    onInput: (value) => {
      set({ src: value.trim() })
      ctx.changed()
    },
  })
  const alt = inputField({
    label: t('fields.alt'),
    value: image.alt,
    hint: t('fields.alt_hint'),
    required: true,
    onInput: (value) => {
      set({ alt: value })
      ctx.changed()
    },
  })
  const choose = button(t('image_choose'), { 'aria-haspopup': 'dialog' })
  choose.addEventListener('click', async () => {
    const picked = await ctx.pickImage()
    choose.focus()
    if (!picked) return
    src.input.value = picked.src
    // The library's description is a start; the person may still say more.
    alt.input.value = picked.alt
    set({ src: picked.src, alt: picked.alt })
    ctx.changed()
  })
  return [el('div', { class: 'actions image-choose' }, [choose]), src.field, alt.field]
}

function lockedExcerpt(block, t) {
  const lines = block.mjml.trim().split('\n').slice(0, 4).join('\n')
  const excerpt = lines.length > 240 ? `${lines.slice(0, 240)}…` : lines
  return el('div', { class: 'locked-body' }, [
    el('p', { text: t('locked_text') }),
    el('p', { class: 'hint', text: t('fields.code') }),
    el('pre', { class: 'locked-excerpt' }, [el('code', { text: excerpt })]),
  ])
}
