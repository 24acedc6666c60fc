/*
 * The composer's preview frame, and its dark mode. Mail programs that force
 * dark mode (the Gmail app, Outlook.com and Outlook's apps) invert light
 * colours and leave photos alone; MJML's HTML has no dark styles of its own,
 * so a `prefers-color-scheme: dark` sheet would show nothing different. The
 * preview therefore inverts the whole page and turns images back: an
 * approximation, as the hint beside the button says, since each program
 * inverts a little differently. The frame is sandboxed without same-origin,
 * so the style goes into the HTML it shows rather than onto it from outside.
 */
const DARK_STYLE =
  '<style data-dark-preview>' +
  'html{background:#fff;filter:invert(1) hue-rotate(180deg)}' +
  'img,picture,video{filter:invert(1) hue-rotate(180deg)}' +
  '</style>'

export function inDarkMode(html) {
  if (!html) return html
  return html.includes('</head>')
    ? html.replace('</head>', `${DARK_STYLE}</head>`)
    : DARK_STYLE + html
}

/** Shows HTML in the frame, inverted while the dark-mode button is pressed. */
export function previewFrame(container) {
  const iframe = container.querySelector('[data-preview-frame] iframe')
  const frame = container.querySelector('[data-preview-frame]')
  const toggle = container.querySelector('[data-dark-toggle]')
  let html = iframe.getAttribute('srcdoc') ?? ''
  let dark = false
  const draw = () => {
    iframe.srcdoc = dark ? inDarkMode(html) : html
  }
  toggle?.addEventListener('click', () => {
    dark = !dark
    toggle.setAttribute('aria-pressed', String(dark))
    frame.classList.toggle('is-dark', dark)
    draw()
  })
  return {
    show(next) {
      html = next
      draw()
    },
  }
}
