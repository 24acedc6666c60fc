import { createHash } from 'node:crypto'
import type { EditorBlock } from '#newsletters/blocks/block_types'
import { readBlocks } from '#newsletters/blocks/read_blocks'
import { renderBlock } from '#newsletters/blocks/render_blocks'

export type VisualEditProblem = {
  /** 1-based position in the editor. */
  block: number
  code: 'unedited_changed' | 'locked_changed' | 'unknown_origin'
}

/**
 * The sections a visual edit gives, held to what the person did: every
 * block they did not touch must render exactly as it is stored, and a
 * locked block (MJML the visual view cannot show) must come back byte for
 * byte. Anything else is refused and named, never saved.
 */
export function applyVisualEdit(
  stored: string,
  blocks: EditorBlock[]
): { mjml: string } | { problem: VisualEditProblem } {
  const storedPieces = readBlocks(stored).map(renderBlock)
  const pieces: string[] = []
  for (const [index, block] of blocks.entries()) {
    const piece = renderBlock(block)
    if (block.origin !== null) {
      const original = storedPieces[block.origin]
      if (original === undefined) return { problem: { block: index + 1, code: 'unknown_origin' } }
      if (block.type === 'raw' && piece !== original) {
        return { problem: { block: index + 1, code: 'locked_changed' } }
      }
      if (!block.edited && piece !== original) {
        return { problem: { block: index + 1, code: 'unedited_changed' } }
      }
    } else if (block.type === 'raw') {
      // New MJML cannot come in through the visual view; the code view is for that.
      return { problem: { block: index + 1, code: 'locked_changed' } }
    }
    pieces.push(piece)
  }
  return { mjml: pieces.join('\n') }
}

/** The stored sections as the editor saw them, so a save over someone else's is noticed. */
export function versionOf(sections: string) {
  return createHash('sha256').update(sections).digest('hex').slice(0, 32)
}

/** The stored issue as the visual editor opens it: each block knows where it came from. */
export function editorBlocksOf(sections: string): EditorBlock[] {
  return readBlocks(sections).map((block, origin) => ({ ...block, origin, edited: false }))
}
