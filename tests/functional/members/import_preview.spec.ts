import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import ExcelJS from 'exceljs'
import type { ApiClient } from '@japa/api-client'
import type User from '#identity/models/user'
import Organisation from '#members/models/organisation'
import { UserFactory } from '#database/factories/user_factory'
import { OrganisationFactory, ContactFactory } from '#database/factories/organisation_factory'
import { memberFile } from '#tests/helpers/member_files'
import { foldSpace } from '#tests/helpers/text'
import { asBytes } from '#tests/helpers/bytes'
import { discardParkedUpload } from '#shared/csv/parked_uploads'

async function preview(client: ApiClient, user: User, file: Buffer, filename: string) {
  return client
    .post('/members/import/preview')
    .file('file', file, { filename })
    .loginAs(user)
    .withCsrfToken()
}

const uploadOf = (html: string) => html.match(/name="upload" value="([^"]+)"/)![1]

test.group('Import preview', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test('shows a changed row field by field, a refused row with its reason, and the members the file leaves out', async ({
    client,
    assert,
  }) => {
    const board = await UserFactory.apply('board').create()
    const livsvaerk = await OrganisationFactory.merge({
      name: 'LIVSVÆRK',
      cvr: '10150817',
      city: 'Aarhus',
    }).create()
    await ContactFactory.apply('primary')
      .merge({ organisationId: livsvaerk.id, email: 'lene@livsvaerk.example.org' })
      .create()
    await OrganisationFactory.apply('applicant').merge({ name: 'Ansøger' }).create()
    await OrganisationFactory.merge({ name: 'Glemt Forening' }).create()
    const file = Buffer.from(
      memberFile([
        'Navn;CVR;By;Status;Kontaktperson;E-mail',
        'LIVSVÆRK;10150817;Odense C;aktiv;Lene Larsen;lene@livsvaerk.example.org',
        'Ansøger;;;udmeldt;Ib;ib@example.org',
      ])
    )
    const response = await preview(client, board, file, 'medlemmer.csv')
    response.assertStatus(200)
    const page = foldSpace(response.text())
    assert.include(page, 'By: Aarhus → Odense C')
    assert.include(
      page,
      'række 3: Status: status kan ikke ændres fra ansøger til udmeldt ved import'
    )
    assert.include(page, 'Glemt Forening (aktiv)')
    assert.include(page, 'Intet er importeret')
    assert.notInclude(page, 'data-testid="import-confirm"')
    assert.equal((await Organisation.findByOrFail('name', 'LIVSVÆRK')).city, 'Aarhus')
  })

  test('members left out can be marked resigned on confirmation, with the date chosen', async ({
    client,
    assert,
  }) => {
    const board = await UserFactory.apply('board').create()
    await OrganisationFactory.merge({ name: 'Bliver' }).create()
    const leaving = await OrganisationFactory.merge({ name: 'Glemt Forening' }).create()
    const file = Buffer.from(memberFile(['Navn', 'Bliver']))
    const response = await preview(client, board, file, 'medlemmer.csv')
    assert.include(foldSpace(response.text()), '1 organisation i registret står ikke i filen')
    const confirmed = await client
      .post('/members/import')
      .form({
        upload: uploadOf(response.text()),
        file_name: 'medlemmer.csv',
        missing: 'resign',
        resign_on: '2026-12-31',
      })
      .loginAs(board)
      .withCsrfToken()
      .redirects(0)
    confirmed.assertFlashMessage(
      'success',
      'Importeret: 0 nye, 0 ændrede, 1 uændret organisationer; 1 meldt ud.'
    )
    await leaving.refresh()
    assert.equal(leaving.status, 'resigned')
    assert.equal(leaving.leftOn?.toISODate(), '2026-12-31')
    assert.isNull(leaving.currentNameKey)
  })

  test('a workbook with several sheets: the first is read, another can be chosen', async ({
    client,
    assert,
  }) => {
    const board = await UserFactory.apply('board').create()
    const workbook = new ExcelJS.Workbook()
    workbook.addWorksheet('Noter').addRows([['Bare noter'], ['ingen medlemmer her']])
    workbook.addWorksheet('Medlemmer').addRows([
      ['Navn', 'By'],
      ['Arkforeningen', 'Vejle'],
    ])
    const file = Buffer.from(await workbook.xlsx.writeBuffer())
    const first = await preview(client, board, file, 'medlemmer.xlsx')
    const page = foldSpace(first.text())
    assert.include(page, 'arket &quot;Noter&quot;')
    assert.include(page, 'række 1: Navn: kolonnen mangler i filen')

    const chosen = await client
      .post('/members/import/review')
      .form({ upload: uploadOf(first.text()), file_name: 'medlemmer.xlsx', sheet: 'Medlemmer' })
      .loginAs(board)
      .withCsrfToken()
    const chosenPage = foldSpace(chosen.text())
    assert.include(chosenPage, 'arket &quot;Medlemmer&quot;')
    assert.include(chosenPage, '1 ny organisation')
    assert.include(chosenPage, 'name="sheet" value="Medlemmer"')
  })

  test('a column Kreds does not know is named once, and the choice is remembered', async ({
    client,
    assert,
  }) => {
    const board = await UserFactory.apply('board').create()
    const file = Buffer.from(memberFile(['Foreningens navn;Bynavn', 'Navneløs Forening;Kolding']))
    const first = await preview(client, board, file, 'liste.csv')
    assert.include(foldSpace(first.text()), 'Disse kolonner kender Kreds ikke')
    const upload = uploadOf(first.text())
    const named = await client
      .post('/members/import/review')
      .form({
        upload,
        'file_name': 'liste.csv',
        // As the page's selects send them.
        'mapping[0][header]': 'Foreningens navn',
        'mapping[0][column]': 'name',
        'mapping[1][header]': 'Bynavn',
        'mapping[1][column]': 'city',
      })
      .loginAs(board)
      .withCsrfToken()
    assert.include(foldSpace(named.text()), '1 ny organisation')
    const saved = await db
      .from('import_column_mappings')
      .orderBy('header_key')
      .select('header_key', 'column')
    assert.deepEqual(saved, [
      { header_key: 'bynavn', column: 'city' },
      { header_key: 'foreningensnavn', column: 'name' },
    ])
    const later = await preview(client, board, file, 'liste-igen.csv')
    assert.include(foldSpace(later.text()), '1 ny organisation')
  })

  test('the register exported as .xlsx from the list page downloads as a workbook', async ({
    client,
    assert,
  }) => {
    const board = await UserFactory.apply('board').create()
    await OrganisationFactory.merge({ name: 'Eksportforeningen', postcode: '0800' }).create()
    const response = await asBytes(
      client.get('/members/export').qs({ format: 'xlsx' }).loginAs(board)
    )
    response.assertHeader(
      'content-type',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
    )
    assert.match(
      response.header('content-disposition') ?? '',
      /filename="medlemmer-\d{4}-\d{2}-\d{2}\.xlsx"/
    )
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(response.body() as ArrayBuffer)
    const row = workbook.worksheets[0].getRow(2).values as unknown[]
    assert.include(row, 'Eksportforeningen')
    assert.include(row, '0800')
  })

  test('a preview whose file is no longer kept asks for the file again, whatever else was wrong', async ({
    client,
    assert,
  }) => {
    const board = await UserFactory.apply('board').create()
    await OrganisationFactory.merge({ name: 'Glemt Forening' }).create()
    const response = await preview(client, board, Buffer.from(memberFile(['Navn', 'Ny'])), 'a.csv')
    const upload = uploadOf(response.text())
    // A day later the parked file is gone.
    await discardParkedUpload(upload)
    for (const request of [
      client.post('/members/import/review').form({ upload, file_name: 'a.csv', sheet: 'Ark1' }),
      // With an impossible date as well: the page for a file that is gone has no date field to mark.
      client
        .post('/members/import')
        .form({ upload, file_name: 'a.csv', missing: 'resign', resign_on: '2026-02-30' }),
    ]) {
      const answer = await request.loginAs(board).withCsrfToken().redirects(0)
      answer.assertStatus(302)
      answer.assertHeader('location', '/members/import')
      answer.assertFlashMessage('error', 'Den uploadede fil findes ikke længere. Upload den igen.')
    }
    assert.lengthOf(await Organisation.query().where('name', 'Ny'), 0)
  })
})

test.group('An import in the audit log', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test('is one event linking the file as uploaded and its changes row by row', async ({
    client,
    assert,
  }) => {
    const board = await UserFactory.apply('board').create()
    const file = Buffer.from(memberFile(['Navn;By', 'Logforeningen;Vejle']))
    const response = await client
      .post('/members/import/preview')
      .file('file', file, { filename: 'log.csv' })
      .loginAs(board)
      .withCsrfToken()
    await client
      .post('/members/import')
      .form({ upload: uploadOf(response.text()), file_name: 'log.csv' })
      .loginAs(board)
      .withCsrfToken()
    const log = await client.get('/audit').loginAs(board)
    const page = foldSpace(log.text())
    assert.include(page, 'Medlemsregistret blev importeret fra log.csv: 1 ny, 0 ændrede')
    const fileLink = log.text().match(/href="(\/audit\/imports\/\d+\/file)"/)![1]
    const changesLink = log.text().match(/href="(\/audit\/imports\/\d+\/changes)"/)![1]
    const stored = await asBytes(client.get(fileLink).loginAs(board))
    assert.deepEqual(stored.body(), file)
    const changes = await client.get(changesLink).loginAs(board)
    assert.deepEqual(changes.body().organisations, [
      { rows: [2], name: 'Logforeningen', kind: 'new', changes: [], contacts: [] },
    ])
    const secretariat = await UserFactory.apply('secretariat').create()
    ;(await client.get(fileLink).loginAs(secretariat)).assertStatus(403)
  })
})
