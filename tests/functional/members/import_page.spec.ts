import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import Organisation from '#members/models/organisation'
import { UserFactory } from '#database/factories/user_factory'
import { OrganisationFactory } from '#database/factories/organisation_factory'
import { encode, FOUNDERS_FILE, memberFile } from '#tests/helpers/member_files'
import { foldSpace } from '#tests/helpers/text'

test.group('Import page', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test('shows what the file will do, and imports it on confirmation', async ({
    client,
    assert,
  }) => {
    const board = await UserFactory.apply('board').create()
    const preview = await client
      .post('/members/import/preview')
      .file('file', encode(FOUNDERS_FILE, 'windows-1252'), { filename: 'medlemmer.csv' })
      .loginAs(board)
      .withCsrfToken()
    preview.assertStatus(200)
    const page = foldSpace(preview.text())
    assert.include(page, '4 nye organisationer')
    assert.include(page, 'række 6: Type: &quot;Forlag&quot; importeres som Andet')
    assert.lengthOf(await Organisation.all(), 0)

    const upload = preview.text().match(/name="upload" value="([^"]+)"/)![1]
    const confirm = await client
      .post('/members/import')
      .form({ upload, file_name: 'medlemmer.csv' })
      .loginAs(board)
      .withCsrfToken()
      .redirects(0)
    confirm.assertHeader('location', '/members')
    confirm.assertFlashMessage(
      'success',
      'Importeret: 4 nye, 0 ændrede, 0 uændrede organisationer.'
    )
    assert.lengthOf(await Organisation.all(), 4)

    const again = await client
      .post('/members/import')
      .form({ upload, file_name: 'medlemmer.csv' })
      .loginAs(board)
      .withCsrfToken()
      .redirects(0)
    again.assertFlashMessage('error', 'Den uploadede fil findes ikke længere. Upload den igen.')
  })

  test('a file with errors lists every one in Danish and offers no import', async ({
    client,
    assert,
  }) => {
    const board = await UserFactory.apply('board').create()
    const response = await client
      .post('/members/import/preview')
      .file(
        'file',
        Buffer.from(memberFile(['Navn;CVR;Kontaktperson;E-mail', ';12345678;Bo;bo@example.org'])),
        { filename: 'fejl.csv' }
      )
      .loginAs(board)
      .withCsrfToken()
    const page = foldSpace(response.text())
    assert.include(page, 'række 2: Navn: skal udfyldes')
    assert.include(page, 'række 2: CVR: 12345678 er ikke et gyldigt CVR-nummer')
    assert.include(page, 'Intet er importeret')
    assert.notInclude(page, 'name="upload"')
  })

  test('a missing file or another file type is refused next to the field', async ({ client }) => {
    const board = await UserFactory.apply('board').create()
    const none = await client
      .post('/members/import/preview')
      .loginAs(board)
      .withCsrfToken()
      .redirects(0)
    none.assertFlashMessage('inputErrorsBag', { file: ['Vælg en fil (Excel eller CSV).'] })
    const pdf = await client
      .post('/members/import/preview')
      .file('file', Buffer.from('%PDF-1.4'), { filename: 'medlemmer.pdf' })
      .loginAs(board)
      .withCsrfToken()
      .redirects(0)
    pdf.assertFlashMessage('inputErrorsBag', { file: ['Filtypen er ikke tilladt.'] })
  })

  test('treasurer and secretariat may not import', async ({ client }) => {
    for (const role of ['treasurer', 'secretariat'] as const) {
      const user = await UserFactory.apply(role).create()
      ;(await client.get('/members/import').loginAs(user)).assertStatus(403)
      ;(
        await client
          .post('/members/import/preview')
          .file('file', Buffer.from(FOUNDERS_FILE), { filename: 'm.csv' })
          .loginAs(user)
          .withCsrfToken()
      ).assertStatus(403)
    }
  })
})

test.group('Export download', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test('downloads the list with its filters as Danish Excel reads it', async ({
    client,
    assert,
  }) => {
    const treasurer = await UserFactory.apply('treasurer').create()
    await OrganisationFactory.merge({ name: 'Aktiv Forening' }).create()
    await OrganisationFactory.apply('applicant').merge({ name: 'Ansøgende Forening' }).create()

    const response = await client
      .get('/members/export')
      .qs({ status: 'applicant' })
      .loginAs(treasurer)
    response.assertStatus(200)
    response.assertHeader('content-type', 'text/csv; charset=utf-8')
    assert.match(
      response.header('content-disposition') ?? '',
      /attachment; filename="medlemmer-\d{4}-\d{2}-\d{2}\.csv"/
    )
    const text = response.text()
    assert.include(text, 'Ansøgende Forening;')
    assert.notInclude(text, 'Aktiv Forening')
    assert.include(text, '\r\n')
  })
})
