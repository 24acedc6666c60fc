/**
 * The newsletter sending figures: composing a reader's copy (personalise)
 * and sending an issue through a real SMTP sink (send), each against the
 * baseline it is measured by.
 */
import { createRequire } from 'node:module'
import { performance } from 'node:perf_hooks'
import { setTimeout as sleep } from 'node:timers/promises'
import { spawn } from 'node:child_process'
import app from '@adonisjs/core/services/app'
import { writeFileSync } from 'node:fs'
import nodemailer from 'nodemailer'
import db from '@adonisjs/lucid/services/db'
import env from '#start/env'
import NewsletterIssue from '#newsletters/models/newsletter_issue'
import NewsletterList from '#newsletters/models/newsletter_list'
import { StartIssueSend } from '#newsletters/actions/start_issue_send'
import { personalise } from '#newsletters/compose/issue_message'
import {
  envelopeFor,
  listHeaders,
  messageIdFor,
  readerValues,
  readerWireMessage,
  type IssueEnvelope,
  type WireRecipient,
} from '#newsletters/sending/reader_copy'
import { Actors } from '#audit/actor'
import { sqlTimestamp } from '#shared/sql_time'
import type { Figure } from '#shared/bench/report'
import { noDelaySocket } from '#shared/mail/socket'
import { startMailSink } from '#tests/helpers/mail_sink'
import { startProcess } from '#tests/helpers/processes'
import { productionBuild, productionBuildEnv } from '#shared/bench/production_build'

const require = createRequire(import.meta.url)
const MailComposer = require('nodemailer/lib/mail-composer') as new (mail: object) => {
  compile(): { build(): Promise<Buffer> }
}

const PERSONALISE_READERS = 100_000
const COMPOSER_READERS = 3_000
const SEND_READERS = 20_000
const NAIVE_SENDS = 2_000
const LANES = 5

function reader(index: number): WireRecipient {
  return {
    deliveryId: 1_000_000 + index,
    subscriberId: 1_000_000 + index,
    email: `laeser${index}@bench.example`,
    name: index % 3 === 0 ? `Læser Ørsted ${index}` : `Reader ${index}`,
    attempt: 1,
  }
}

/** The mail as nodemailer's own composer would build it: the baseline. */
function composerMessage(envelope: IssueEnvelope, recipient: WireRecipient) {
  const copy = personalise(envelope.prepared, readerValues(recipient, envelope.issueId))
  return {
    from: { address: envelope.from.address, name: envelope.from.name },
    to: { address: recipient.email, name: recipient.name ?? '' },
    replyTo: envelope.replyTo ?? undefined,
    subject: copy.subject,
    html: copy.html,
    text: copy.text,
    messageId: messageIdFor(envelope, recipient.deliveryId, recipient.attempt),
    headers: listHeaders(envelope, recipient.subscriberId),
  }
}

export async function personaliseFigure(envelope: IssueEnvelope, log: (line: string) => void) {
  log(`personalise: ${PERSONALISE_READERS} readers from the prepared message…`)
  let bytes = 0
  let started = performance.now()
  for (let index = 0; index < PERSONALISE_READERS; index++) {
    bytes += readerWireMessage(envelope, reader(index)).length
  }
  const ours = PERSONALISE_READERS / ((performance.now() - started) / 1000)
  log(`personalise: ${COMPOSER_READERS} readers with nodemailer's composer…`)
  started = performance.now()
  for (let index = 0; index < COMPOSER_READERS; index++) {
    await new MailComposer(composerMessage(envelope, reader(index))).compile().build()
  }
  const baseline = COMPOSER_READERS / ((performance.now() - started) / 1000)
  return {
    name: 'personalise',
    value: ours,
    unit: 'messages/s',
    baseline,
    ratio: ours / baseline,
    target: '>= 20000 messages/s',
    message_bytes: Math.round(bytes / PERSONALISE_READERS),
  } satisfies Figure
}

async function inLanes(count: number, send: (index: number) => Promise<unknown>) {
  let next = 0
  const lane = async () => {
    while (next < count) await send(next++)
  }
  const started = performance.now()
  await Promise.all(Array.from({ length: LANES }, lane))
  return count / ((performance.now() - started) / 1000)
}

async function benchReaders(count: number) {
  const list = await NewsletterList.create({
    name: 'Benchmark',
    slug: `benchmark-${Date.now()}`,
    description: null,
  } as Partial<NewsletterList>)
  const now = sqlTimestamp()
  for (let start = 0; start < count; start += 500) {
    const chunk = Array.from({ length: Math.min(500, count - start) }, (_, i) => start + i)
    await db.table('subscribers').multiInsert(
      chunk.map((index) => ({
        email: `bench${index}.${list.id}@bench.example`,
        name: `Læser ${index}`,
        created_at: now,
        updated_at: now,
      }))
    )
  }
  await db.rawQuery(
    `INSERT INTO subscriptions (subscriber_id, list_id, status, source, requested_at, confirmed_at, created_at, updated_at)
     SELECT id, ?, 'active', 'import', ?, ?, ?, ? FROM subscribers WHERE email LIKE ?`,
    [list.id, now, now, now, now, `%.${list.id}@bench.example`]
  )
  return list
}

/**
 * The raw baseline sent by a separate process: the topology of a worker and
 * the sink. Not spawnSync: the sink lives in this process and must answer.
 */
async function rawSenderProcess(port: number, message: Buffer) {
  const file = app.tmpPath('bench-message.eml')
  writeFileSync(file, message)
  const child = spawn(
    process.execPath,
    [
      'bin/bench_raw_sender.js',
      String(port),
      String(SEND_READERS),
      String(env.get('SMTP_POOL_SIZE') ?? LANES),
      file,
    ],
    { cwd: app.appRoot.pathname, stdio: ['ignore', 'pipe', 'inherit'] }
  )
  let output = ''
  child.stdout.on('data', (chunk: Buffer) => (output += chunk))
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve))
  if (code !== 0) throw new Error(`the raw sender exited with ${code}`)
  return (JSON.parse(output) as { rate: number }).rate
}

async function waitUntilSent(issueId: number) {
  while (true) {
    const row = await db.from('newsletter_issues').where('id', issueId).select('status').first()
    if (row?.status === 'sent') return
    await sleep(25)
  }
}

/** A fresh issue like the demo one, to `count` readers of their own, not yet started. */
async function benchIssue(demo: NewsletterIssue, count: number) {
  const list = await benchReaders(count)
  const issue = await NewsletterIssue.create({
    subject: demo.subject,
    preheader: demo.preheader,
    bodyMjml: demo.bodyMjml,
    status: 'draft',
    createdBy: 'bench',
  })
  await issue.related('lists').attach([list.id])
  return issue
}

/** From pressing send to the issue marked sent, through real worker processes. */
async function timedSend(issue: NewsletterIssue, workers: number, port: number) {
  // Workers take jobs from the queue this process dispatches to.
  const driver = env.get('QUEUE_DRIVER')
  if (driver === 'database') await db.from('queue_jobs').delete()
  const running = []
  for (let index = 0; index < workers; index++) {
    running.push(
      // As production runs a worker: from the build, nothing compiled while the first job waits.
      await startProcess(['ace.js', 'queue:work'], {
        cwd: productionBuild(),
        env: { QUEUE_DRIVER: driver, SMTP_PORT: String(port), ...productionBuildEnv() },
        readyWhen: /Starting worker/,
      })
    )
  }
  const started = performance.now()
  const result = await new StartIssueSend().handle({ issueId: issue.id }, Actors.system('bench'))
  if (result.status !== 'started') throw new Error(`the send did not start: ${result.status}`)
  await waitUntilSent(issue.id)
  const seconds = (performance.now() - started) / 1000
  for (const worker of running) await worker.stop()
  const sent = await db
    .from('newsletter_deliveries')
    .where('issue_id', issue.id)
    .where('status', 'sent')
    .count('* as total')
    .first()
  return { rate: Number(sent.total) / seconds, sent: Number(sent.total) }
}

export async function sendFigures(
  demo: NewsletterIssue,
  log: (line: string) => void,
  mysql: boolean
) {
  const sink = await startMailSink()
  const figures: Figure[] = []
  try {
    const envelope = (await envelopeFor(demo.id))!
    const transport = nodemailer.createTransport({
      host: '127.0.0.1',
      port: sink.port,
      secure: false,
      ignoreTLS: true,
      pool: true,
      maxConnections: env.get('SMTP_POOL_SIZE') ?? LANES,
      maxMessages: Infinity,
      // The same connection settings as the app's mailer (config/mail.ts).
      getSocket: noDelaySocket,
    } as nodemailer.TransportOptions)
    const prebuilt = readerWireMessage(envelope, reader(0))
    log(`send: baseline, ${SEND_READERS} pre-built messages raw through a pooled transport…`)
    const baseline = await inLanes(SEND_READERS, () =>
      transport.sendMail({
        envelope: { from: envelope.from.address, to: ['x@bench.example'] },
        raw: prebuilt,
        messageId: '<bench@example.org>',
      })
    )
    log('send: the same baseline from a process of its own, as a worker sends…')
    const baselineApart = await rawSenderProcess(sink.port, prebuilt)
    log(`send: naive, ${NAIVE_SENDS} messages each composed by nodemailer…`)
    const naive = await inLanes(NAIVE_SENDS, (index) =>
      transport.sendMail(composerMessage(envelope, reader(index)))
    )
    transport.close()

    log(`send: ${SEND_READERS} readers through one worker (queue: ${env.get('QUEUE_DRIVER')})…`)
    sink.reset()
    const one = await timedSend(await benchIssue(demo, SEND_READERS), 1, sink.port)
    figures.push({
      name: 'send',
      value: one.rate,
      unit: 'messages/s',
      baseline,
      ratio: one.rate / baseline,
      target: 'ratio >= 0.8',
      naive_ratio: one.rate / naive,
      baseline_process: baselineApart,
      ratio_process: one.rate / baselineApart,
      sent: one.sent,
      duplicates: sink.duplicates(),
      message_bytes: prebuilt.length,
    })
    if (mysql) {
      log(
        `send_2_workers: ${SEND_READERS} readers through two workers (queue: ${env.get('QUEUE_DRIVER')})…`
      )
      sink.reset()
      const two = await timedSend(await benchIssue(demo, SEND_READERS), 2, sink.port)
      figures.push({
        name: 'send_2_workers',
        value: two.rate,
        unit: 'messages/s',
        baseline,
        ratio: two.rate / baseline,
        target: 'duplicates = 0',
        sent: two.sent,
        accepted: sink.recipients.length,
        duplicates: sink.duplicates(),
      })
    }
  } finally {
    await sink.stop()
  }
  return figures
}
