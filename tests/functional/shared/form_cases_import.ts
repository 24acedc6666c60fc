import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { tmpdir } from 'node:os'
import { OrganisationFactory } from '#database/factories/organisation_factory'
import { parkUpload } from '#shared/csv/parked_uploads'
import { FOUNDERS_FILE } from '#tests/helpers/member_files'
import type { FormCase } from '#tests/functional/shared/form_cases'

/** The confirmation of a member import, failing on the date members left out resign on. */
export const IMPORT_FORM_CASES: FormCase[] = [
  {
    route: 'member_import.store',
    who: 'admin',
    setup: async () => {
      // An active member the file leaves out: the page asks what happens to it.
      await OrganisationFactory.merge({ name: 'Gammel Forening' }).create()
      const path = join(tmpdir(), `kreds-import-${process.pid}-${Date.now()}.csv`)
      await writeFile(path, FOUNDERS_FILE)
      return { ids: { upload: await parkUpload(path) } }
    },
    page: () => '/members/import',
    method: 'post',
    action: () => '/members/import',
    form: { resign_on: '2026-02-30' },
    hidden: (ids) => ({
      upload: String(ids.upload),
      file_name: 'medlemmer.csv',
      missing: 'resign',
    }),
    invalid: 'resign_on',
    // "Resign" was chosen: the preview shown again must not fall back to "leave them".
    unticked: ['missing'],
    idOf: (name) => (name === 'missing' ? 'missing-leave' : `field-${name}`),
    status: 422,
  },
]
