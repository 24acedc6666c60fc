/*
 * Small DOM helpers for the block editor: every control it builds gets a
 * visible label tied to it, so each one has a name for assistive technology.
 */
let counter = 0

/** A page-unique id, for label/for and aria references. */
export function uid(prefix = 'be') {
  counter += 1
  return `${prefix}-${counter}`
}

/** An element with attributes (`class`, `text`, data-* and aria-* included) and children. */
export function el(tag, attrs = {}, children = []) {
  const element = document.createElement(tag)
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue
    if (name === 'text') element.textContent = value
    else if (name === 'class') element.className = value
    else element.setAttribute(name, value === true ? '' : String(value))
  }
  for (const child of [children].flat()) {
    if (child !== null && child !== undefined) element.append(child)
  }
  return element
}

export function button(label, attrs = {}) {
  return el('button', { type: 'button', class: 'button secondary small', text: label, ...attrs })
}

/**
 * A labelled input. `onInput` hears only what the person types, never the
 * value it starts with, so an untouched block stays untouched.
 */
export function inputField({ label, value, onInput, type = 'text', hint, required, attrs = {} }) {
  const id = uid('field')
  const hintId = hint ? `${id}-hint` : null
  const input = el('input', {
    'id': id,
    type,
    'aria-describedby': hintId,
    'required': required,
    'aria-required': required ? 'true' : null,
    'autocomplete': 'off',
    ...attrs,
  })
  input.value = value ?? ''
  input.addEventListener('input', () => onInput(input.value))
  const field = el('div', { class: 'field' }, [
    el('label', { for: id, text: label }),
    input,
    hint ? el('p', { class: 'hint', id: hintId, text: hint }) : null,
  ])
  return { field, input }
}

/** A labelled select of `[value, label]` options. */
export function selectField({ label, value, options, onChange }) {
  const id = uid('field')
  const select = el(
    'select',
    { id },
    options.map(([optionValue, text]) => el('option', { value: optionValue, text }))
  )
  select.value = String(value)
  select.addEventListener('change', () => onChange(select.value))
  return el('div', { class: 'field' }, [el('label', { for: id, text: label }), select])
}

/** Moves `list[from]` to `to`; returns whether anything moved. */
export function moveItem(list, from, to) {
  if (to < 0 || to >= list.length || from === to) return false
  const [item] = list.splice(from, 1)
  list.splice(to, 0, item)
  return true
}
