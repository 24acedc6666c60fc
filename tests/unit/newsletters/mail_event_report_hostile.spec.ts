import { test } from '@japa/runner'
import {
  MAIL_EVENT_REPORT_LIMITS,
  readDeliveryReport,
  UnreadableReport,
} from '#newsletters/bounces/mail_event_report'

/*
| Reports as large as the webhook takes (2 MB), built to cost the most.
| The part search used to try every `Content-Type: message/delivery-status`
| line against the rest of the text, and a field line of spaces with a
| lone carriage return made the field pattern try every split of the
| spaces: the first two reports below took minutes. Timers cannot stop a
| synchronous parse, so the elapsed time is checked after it returns.
*/
const BUDGET_MS = 2_000
const MB = 1024 * 1024

const RECIPIENT = '\nFinal-Recipient: rfc822; ida@example.org\nAction: failed\nStatus: 5.1.1\n'
const STATUS_PART = 'Content-Type: message/delivery-status\n\nReporting-MTA: dns; mx.example.net\n'

async function timedRead(text: string) {
  const start = performance.now()
  let outcome: Awaited<ReturnType<typeof readDeliveryReport>> | UnreadableReport
  try {
    outcome = await readDeliveryReport(Buffer.from(text, 'latin1'))
  } catch (error) {
    if (!(error instanceof UnreadableReport)) throw error
    outcome = error
  }
  return { outcome, ms: performance.now() - start }
}

test.group('readDeliveryReport | hostile reports', () => {
  test('part headers that never end are answered at once', async ({ assert }) => {
    const line = 'Content-Type: message/delivery-status\n'
    const { outcome, ms } = await timedRead(line.repeat(Math.floor((2 * MB) / line.length) - 1))
    assert.isBelow(ms, BUDGET_MS)
    assert.instanceOf(outcome, UnreadableReport)
  })

  test('a field of spaces with a lone carriage return is read in one pass', async ({ assert }) => {
    const field = `Final-Recipient:${' '.repeat(2 * MB - 200)}x\rida@example.org`
    const { outcome, ms } = await timedRead(`${STATUS_PART}\n${field}\nAction: failed\n`)
    assert.isBelow(ms, BUDGET_MS)
    assert.instanceOf(outcome, UnreadableReport)
  })

  test('giant folded headers, deep multipart nesting and endless boundaries', async ({
    assert,
  }) => {
    const nested = Array.from(
      { length: 20_000 },
      (_, level) => `--b${level}\nContent-Type: multipart/mixed; boundary="b${level + 1}"\n\n`
    ).join('')
    const reports = [
      `Subject: x\n${' y\n'.repeat(600_000)}${STATUS_PART}${RECIPIENT}`,
      `Content-Type: multipart/report; boundary="b0"\n\n${nested}${STATUS_PART}${RECIPIENT}`,
      `${STATUS_PART}${'--b\n'.repeat(500_000)}`,
      `${STATUS_PART}${'\n \n'.repeat(600_000)}`,
      `${STATUS_PART}\n${'kreds.1.1.1'.repeat(180_000)}`,
    ]
    for (const report of reports) {
      const { outcome, ms } = await timedRead(report)
      assert.isBelow(ms, BUDGET_MS, report.slice(0, 30))
      if (Array.isArray(outcome)) assert.equal(outcome[0].email, 'ida@example.org')
    }
  })

  test('a report larger than the limit is refused, naming it', async ({ assert }) => {
    const { outcome } = await timedRead(
      `${STATUS_PART}${RECIPIENT}${'x'.repeat(MAIL_EVENT_REPORT_LIMITS.maxBytes)}`
    )
    assert.instanceOf(outcome, UnreadableReport)
    assert.equal((outcome as Error).message, 'the report is larger than 2097152 bytes')
  })

  test('a report naming more recipients than the limit is refused, naming it', async ({
    assert,
  }) => {
    const { outcome, ms } = await timedRead(`${STATUS_PART}${RECIPIENT.repeat(20_000)}`)
    assert.isBelow(ms, BUDGET_MS)
    assert.instanceOf(outcome, UnreadableReport)
    assert.equal((outcome as Error).message, 'the delivery status names more than 100 recipients')
    const { outcome: fine } = await timedRead(`${STATUS_PART}${RECIPIENT.repeat(100)}`)
    assert.lengthOf(fine as unknown[], 100)
  })
})
