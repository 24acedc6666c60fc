import { writeFile } from 'node:fs/promises'

/** One measured figure, as tmp/bench.json holds it. */
export type Figure = {
  name: string
  value: number
  unit: string
  baseline?: number
  ratio?: number
  target?: string
  [extra: string]: unknown
}

export function printFigures(figures: Figure[]) {
  const rows = figures.map((figure) => {
    const extras = Object.entries(figure)
      .filter(([key]) => !['name', 'value', 'unit', 'baseline', 'ratio', 'target'].includes(key))
      .map(([key, value]) => `${key}=${value}`)
      .join(' ')
    return [
      figure.name,
      `${round(figure.value)} ${figure.unit}`,
      figure.baseline === undefined ? '' : String(round(figure.baseline)),
      figure.ratio === undefined ? '' : round(figure.ratio).toString(),
      figure.target ?? '',
      extras,
    ]
  })
  const head = ['figure', 'value', 'baseline', 'ratio', 'target', 'also']
  const widths = head.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => row[column].length))
  )
  const line = (cells: string[]) => cells.map((cell, i) => cell.padEnd(widths[i])).join('  ')
  console.log(`\n${line(head)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}`)
  for (const row of rows) console.log(line(row))
}

export async function writeFigures(figures: Figure[], path: string) {
  await writeFile(path, JSON.stringify(figures, null, 2) + '\n')
  console.log(`\nwritten to ${path}`)
}

function round(value: number) {
  return value >= 100 ? Math.round(value) : Math.round(value * 100) / 100
}
