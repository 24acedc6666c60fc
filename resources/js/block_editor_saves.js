/*
 * The visual view's side of autosave. After a save the stored issue is a
 * new version, and the server holds each block's `origin` to that version:
 * the answer carries the stored blocks, and each block the person sees
 * takes its new origin. A block stays `edited` only where what the page
 * holds differs from what was stored (typed on since, or tidied by the
 * server), so the next save is checked exactly as a fresh page would be.
 */
import { mountAutosave } from './composer_autosave.js'
import { mountPresence } from './composer_presence.js'

/** JSON with keys in order, so two blocks with the same content compare equal. */
function canonical(value) {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`
  if (value && typeof value === 'object') {
    const keys = Object.keys(value)
      .filter((key) => key !== 'origin' && key !== 'edited' && value[key] !== undefined)
      .sort()
    return `{${keys.map((key) => `${JSON.stringify(key)}:${canonical(value[key])}`).join(',')}}`
  }
  return JSON.stringify(value ?? null)
}

/**
 * `entries()` gives the editor's entries ({ id, block }) in order, `write()`
 * puts them back in the hidden field without scheduling anything.
 */
export function mountBlockSaves(form, { entries, write }) {
  const autosave = mountAutosave(form, {
    beforeSave: () => entries().slice(),
    afterSave(result, posted) {
      const stored = result.blocks
      // Blocks are read back one per block saved; anything else cannot be matched up safely.
      if (!stored || stored.length !== posted.length) return
      posted.forEach((entry, index) => {
        entry.block.origin = stored[index].origin
        entry.block.edited = canonical(entry.block) !== canonical(stored[index])
      })
      write()
    },
  })
  mountPresence(form)
  return autosave
}
