/*
 * The two blocks that hold lists of their own: social links (rows of network
 * and address) and two or three columns of headings, texts, images and
 * buttons. Adding, moving or removing a row redraws that block's rows only.
 */
import { button, el, moveItem, selectField, uid } from './block_editor_dom.js'
import { COLUMN_ITEM_TYPES, newContent } from './block_editor_blocks.js'
import { fieldsOf, link } from './block_editor_forms.js'

const NETWORKS = ['facebook', 'linkedin', 'instagram', 'x', 'youtube', 'web']
const MAX_SOCIAL_LINKS = 8
const MAX_COLUMN_ITEMS = 10

export function socialFields(block, ctx) {
  const { t } = ctx
  const rows = el('ul', { class: 'sub-list' })
  const add = button(t('social_add'))
  const draw = () => {
    rows.replaceChildren(
      ...block.links.map((entry, index) => {
        const networkName = () => t(`networks.${entry.network}`)
        const row = el('li', { class: 'sub-item' })
        const addressField = link(
          ctx,
          t('fields.profile', { network: networkName() }),
          entry.href,
          (href) => {
            entry.href = href
          }
        )
        const network = selectField({
          label: t('fields.network'),
          value: entry.network,
          options: NETWORKS.map((name) => [name, t(`networks.${name}`)]),
          onChange: (value) => {
            entry.network = value
            addressField.querySelector('label').textContent = t('fields.profile', {
              network: networkName(),
            })
            ctx.changed()
          },
        })
        const remove = button(t('social_remove'), { 'aria-describedby': null })
        remove.disabled = block.links.length === 1
        remove.addEventListener('click', () => {
          block.links.splice(index, 1)
          ctx.changed()
          draw()
          ;(rows.querySelector('select') ?? add).focus()
        })
        row.append(network, addressField, el('div', { class: 'actions' }, [remove]))
        return row
      })
    )
    add.disabled = block.links.length >= MAX_SOCIAL_LINKS
  }
  add.addEventListener('click', () => {
    block.links.push({ network: 'web', href: '' })
    ctx.changed()
    draw()
    rows.lastElementChild.querySelector('select').focus()
  })
  draw()
  return el('div', { class: 'social-fields' }, [rows, add])
}

/** Each column with its items and a row of buttons that add to it. */
export function columnsFields(block, ctx) {
  const wrap = el('div', { class: 'columns-fields' })
  block.columns.forEach((items, columnIndex) => {
    wrap.append(columnFields(items, columnIndex + 1, ctx))
  })
  return wrap
}

function columnFields(items, number, ctx) {
  const { t } = ctx
  const titleId = uid('column')
  const list = el('ol', { class: 'sub-list' })
  // Column items are plain blocks; a change in one is a change of the whole row.
  // Their text editors are redrawn with the column, so the column owns them.
  let owned = []
  const itemCtx = { ...ctx, track: (editor) => owned.push(editor) }
  ctx.track({ destroy: () => owned.forEach((editor) => editor.destroy()) })
  const draw = (focusIndex = null, focusAction = null) => {
    owned.forEach((editor) => editor.destroy())
    owned = []
    list.replaceChildren(
      ...items.map((item, index) => {
        const itemTitleId = uid('item')
        const tools = [
          ['up', t('move_up'), index === 0],
          ['down', t('move_down'), index === items.length - 1],
          ['delete', t('delete'), false],
        ].map(([action, label, disabled]) => {
          const control = button(label, { 'aria-describedby': itemTitleId, 'data-action': action })
          control.disabled = disabled
          control.addEventListener('click', () => {
            if (action === 'delete') items.splice(index, 1)
            else moveItem(items, index, action === 'up' ? index - 1 : index + 1)
            ctx.changed()
            const next =
              action === 'delete'
                ? Math.min(index, items.length - 1)
                : action === 'up'
                  ? index - 1
                  : index + 1
            draw(next, action === 'delete' ? null : action)
          })
          return control
        })
        const title = el('p', {
          class: 'sub-title',
          id: itemTitleId,
          text: t('column_item', { number, type: t(`types.${item.type}`) }),
        })
        return el('li', { 'class': 'sub-item', 'role': 'group', 'aria-labelledby': itemTitleId }, [
          el('div', { class: 'block-head' }, [title, el('div', { class: 'block-tools' }, tools)]),
          ...fieldsOf(item, itemCtx),
        ])
      })
    )
    for (const control of adders) control.disabled = items.length >= MAX_COLUMN_ITEMS
    if (focusIndex === null) return
    const target = list.children[focusIndex]
    const wanted =
      focusAction && target?.querySelector(`[data-action="${focusAction}"]:not(:disabled)`)
    ;(wanted || target?.querySelector('input, [contenteditable]') || adders[0]).focus()
  }
  const adders = COLUMN_ITEM_TYPES.map((type) => {
    const control = button(t(`types.${type}`))
    control.addEventListener('click', () => {
      items.push(newContent(type))
      ctx.changed()
      draw(items.length - 1)
    })
    return control
  })
  draw()
  return el('div', { 'class': 'column-fields', 'role': 'group', 'aria-labelledby': titleId }, [
    el('h4', { id: titleId, text: t('column', { number }) }),
    list,
    el('div', { class: 'actions column-add' }, [
      el('span', { text: t('column_add', { number }) }),
      ...adders,
    ]),
  ])
}
