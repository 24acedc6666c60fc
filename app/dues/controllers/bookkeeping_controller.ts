import type { HttpContext } from '@adonisjs/core/http'
import { DateTime } from 'luxon'
import DuesPolicy from '#dues/policies/dues_policy'
import { bookkeepingRangeValidator } from '#dues/validators/bookkeeping'
import { getBookkeepingEntries } from '#dues/queries/bookkeeping_entries'
import { fileName, writeBookkeepingFile } from '#dues/documents/bookkeeping_file'
import { getAssociationSettings } from '#association/queries/get_association_settings'
import { DANISH_ZONE } from '#shared/danish_time'

const CONTENT_TYPES = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
}

/** The bookkeeper's day-book file for a date range, as CSV or Excel. */
export default class BookkeepingController {
  async download({ request, response, bouncer }: HttpContext) {
    await bouncer.with(DuesPolicy).authorize('view')
    const input = await request.validateUsing(bookkeepingRangeValidator, { data: request.qs() })
    const from = DateTime.fromJSDate(input.from, { zone: DANISH_ZONE })
    const to = DateTime.fromJSDate(input.to, { zone: DANISH_ZONE })
    const vouchers = await getBookkeepingEntries(
      from,
      to,
      await getAssociationSettings(),
      input.first_voucher ?? 1
    )
    response.header('content-type', CONTENT_TYPES[input.format])
    response.header(
      'content-disposition',
      `attachment; filename="${fileName(from, to, input.format)}"`
    )
    return response.send(await writeBookkeepingFile(vouchers, input.format))
  }
}
