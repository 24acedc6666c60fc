import { readFileSync } from 'node:fs'
import { SpreadsheetError } from '#shared/spreadsheet/spreadsheet_error'
import { buildZip, type ZipPart } from '#tests/helpers/zip_builder'

/** A file from tests/fixtures/spreadsheets, as an upload's bytes. */
export function spreadsheetFixture(name: string): Buffer {
  return readFileSync(new URL(`../fixtures/spreadsheets/${name}`, import.meta.url))
}

/** The SpreadsheetError a read fails with; fails the test when it does not fail. */
export async function spreadsheetError(read: Promise<unknown>): Promise<SpreadsheetError> {
  try {
    await read
  } catch (error) {
    if (error instanceof SpreadsheetError) return error
    throw error
  }
  throw new Error('the file was read without an error')
}

/** A one-sheet workbook with no styles and no shared strings, around the given rows (and parts). */
export function workbook(rows: string, parts: ZipPart[] = [], sheet: Partial<ZipPart> = {}) {
  const main = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'
  const rels = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'
  return buildZip([
    {
      name: 'xl/workbook.xml',
      data: `<workbook xmlns="${main}" xmlns:r="${rels}"><sheets><sheet name="Ark1" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rels}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
    },
    {
      name: 'xl/worksheets/sheet1.xml',
      data: `<worksheet xmlns="${main}"><sheetData>${rows}</sheetData></worksheet>`,
      ...sheet,
    },
    ...parts,
  ])
}
