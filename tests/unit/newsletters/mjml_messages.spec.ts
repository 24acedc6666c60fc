import { readFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { test } from '@japa/runner'
import { checkMjml } from '#newsletters/mjml/check_mjml'
import { readMjmlMessage, translateMjmlMessage } from '#newsletters/checks/mjml_messages'

const CORPUS = new URL('../../../../shared/mjml-corpus/', import.meta.url)

type Expected = Record<string, { errors: { message: string; tagName: string }[] }>

test.group('mjml messages in Danish', () => {
  test('every message mjml gives on the corpus has a Danish form naming its element', async ({
    assert,
  }) => {
    const expected = JSON.parse(
      await readFile(new URL('expected-errors.json', CORPUS), 'utf8')
    ) as Expected
    const errors = Object.values(expected).flatMap((entry) => entry.errors)
    assert.isAbove(errors.length, 3)
    for (const error of errors) {
      assert.isNotNull(readMjmlMessage(error.message, error.tagName), error.message)
      const translated = translateMjmlMessage(error.message, error.tagName)
      assert.equal(translated.detail, error.message)
      assert.notInclude(translated.message, 'cannot be used', error.message)
      assert.notInclude(translated.message, 'is illegal', error.message)
    }
  })

  test('each kind of message is translated with its parts', ({ assert }) => {
    const cases: [string, string, string][] = [
      [
        'Attribute colour is illegal',
        'mj-text',
        '<mj-text> kender ikke attributten "colour". Ret stavningen, eller fjern den.',
      ],
      [
        'Attributes colour, size are illegal',
        'mj-text',
        '<mj-text> kender ikke attributterne colour, size. Ret stavningen, eller fjern dem.',
      ],
      [
        "Element mj-unknown doesn't exist or is not registered",
        'mj-unknown',
        'Elementet <mj-unknown> findes ikke i MJML. Ret stavningen, eller fjern det.',
      ],
      [
        'mj-column cannot be used inside mj-body, only inside: mj-attributes, mj-group, mj-section',
        'mj-column',
        '<mj-column> må ikke stå inde i <mj-body>; det kan kun stå i: mj-attributes, mj-group, mj-section.',
      ],
      [
        'Attribute padding has invalid value: lots for type Unit, only accepts (px, %) units and 1 to 4 value(s)',
        'mj-section',
        'Attributten "padding" på <mj-section> har en ugyldig værdi: "lots". Brug enhederne px, % og 1 til 4 værdier.',
      ],
      [
        'Attribute align has invalid value: middle for type Enum, only accepts left, right, center, justify',
        'mj-text',
        'Attributten "align" på <mj-text> har en ugyldig værdi: "middle". Tilladt er: left, right, center, justify.',
      ],
      [
        'Attribute color has invalid value: nope for type Color ',
        'mj-text',
        'Attributten "color" på <mj-text> har en ugyldig værdi: "nope".',
      ],
    ]
    for (const [english, tag, danish] of cases) {
      assert.deepEqual(translateMjmlMessage(english, tag), { message: danish, detail: english })
    }
    assert.deepEqual(translateMjmlMessage('Something new in mjml 6'), {
      message: 'Something new in mjml 6',
    })
  })

  test('the corpus files that mjml refuses get Danish problems with the English kept', async ({
    assert,
  }) => {
    const verdicts = (await readFile(new URL('verdicts.tsv', CORPUS), 'utf8'))
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => line.split('\t'))
    let translated = 0
    for (const [file, verdict] of verdicts) {
      if (verdict !== 'refuse') continue
      const path = fileURLToPath(new URL(file, CORPUS))
      const result = await checkMjml(await readFile(path, 'utf8'), { filePath: path })
      assert.isAbove(result.problems.length, 0, file)
      for (const problem of result.problems.filter((p) => p.detail)) {
        translated++
        assert.notEqual(problem.message, problem.detail, file)
      }
    }
    assert.isAtLeast(translated, 4)
  })
})
