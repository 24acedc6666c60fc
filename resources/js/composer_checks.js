/*
 * Redraws the checks before sending beside the preview from a preview
 * answer, the same list newsletters/_checks.edge renders on the server.
 */
function item(text, blocking, texts, code) {
  const li = document.createElement('li')
  li.dataset.testid = 'check'
  li.dataset.blocking = String(blocking)
  if (code) li.dataset.code = code
  const badge = document.createElement('span')
  badge.className = 'badge'
  badge.textContent = blocking ? texts.blocking : texts.warning
  if (blocking) badge.classList.add('is-blocking')
  li.append(badge, ` ${text}`)
  return li
}

export function showChecks(root, { problems = [], checks = [] }) {
  const wrapper = root.querySelector('[data-live-checks]')
  const section = wrapper?.querySelector('[data-testid="issue-checks"]')
  if (!section) return
  const texts = JSON.parse(wrapper.dataset.texts)
  const title = section.querySelector('h2')
  const intro = document.createElement('p')
  const list = document.createElement('ul')
  if (problems.length) {
    intro.textContent = texts.not_compiled
    list.append(...problems.map((p) => item(`${p.line}: ${p.message}`, true, texts)))
  } else if (checks.length) {
    intro.textContent = texts.intro
    list.append(...checks.map((c) => item(c.message, c.blocking, texts, c.code)))
  } else {
    intro.textContent = texts.none
    intro.dataset.testid = 'checks-none'
  }
  section.replaceChildren(title, intro, ...(list.children.length ? [list] : []))
}
