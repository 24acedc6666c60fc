/*
 * What the code view adds to its composer, loaded on the composer page
 * only: the preview frame with dark mode, the live checks, autosave and
 * the presence warning, shared with the visual view.
 */
export { previewFrame } from './composer_frame.js'
export { showChecks } from './composer_checks.js'
export { mountAutosave } from './composer_autosave.js'
export { mountPresence } from './composer_presence.js'
