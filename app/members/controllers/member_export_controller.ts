import { danishIsoToday } from '#shared/danish_time'
import type { HttpContext } from '@adonisjs/core/http'
import MemberPolicy from '#members/policies/member_policy'
import { organisationFiltersValidator } from '#members/validators/organisation'
import { exportMembers } from '#members/register_file/export_members'

/** The list as it is filtered on screen, as CSV for Danish Excel or as an Excel workbook. */
export default class MemberExportController {
  async show({ request, response, bouncer }: HttpContext) {
    await bouncer.with(MemberPolicy).authorize('view')
    const [, filters] = await organisationFiltersValidator.tryValidate(request.qs())
    const format = request.qs().format === 'xlsx' ? 'xlsx' : 'csv'
    const { file } = await exportMembers(
      {
        q: filters?.q,
        type: filters?.type,
        status: filters?.status,
        tierId: filters?.tier,
        sort: filters?.sort,
        direction: filters?.direction,
      },
      format
    )
    const name = `medlemmer-${danishIsoToday()}.${format}`
    response.header(
      'content-type',
      format === 'xlsx'
        ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
        : 'text/csv; charset=utf-8'
    )
    response.header('content-disposition', `attachment; filename="${name}"`)
    return response.send(file)
  }
}
