import { spawn, type ChildProcess } from 'node:child_process'
import type { AddressInfo } from 'node:net'
import { SMTPServer } from 'smtp-server'
import app from '@adonisjs/core/services/app'

/** An SMTP server that accepts, counts each recipient and drops the body. */
export async function startSink() {
  const recipients = new Map<string, number>()
  let accepted = 0
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      stream.on('data', () => {})
      stream.on('end', () => {
        for (const rcpt of session.envelope.rcptTo) {
          recipients.set(rcpt.address, (recipients.get(rcpt.address) ?? 0) + 1)
          accepted++
        }
        callback()
      })
    },
  })
  server.on('error', () => {})
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    port: (server.server.address() as AddressInfo).port,
    accepted: () => accepted,
    duplicates: () => accepted - recipients.size,
    reset() {
      recipients.clear()
      accepted = 0
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

/** `node ace queue:work` as operators run it, sending to the sink. */
export async function startWorker(smtpPort: number, driver: string): Promise<ChildProcess> {
  const worker = spawn(process.execPath, ['ace', 'queue:work'], {
    cwd: app.appRoot.pathname,
    env: { ...process.env, QUEUE_DRIVER: driver, SMTP_PORT: String(smtpPort) },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  await new Promise<void>((resolve, reject) => {
    let output = ''
    const onData = (chunk: Buffer) => {
      output += chunk
      if (/Starting worker/.test(output)) resolve()
    }
    worker.stdout!.on('data', onData)
    worker.stderr!.on('data', onData)
    worker.once('exit', (code) => reject(new Error(`the worker exited with ${code}: ${output}`)))
  })
  return worker
}

export async function stopWorker(worker: ChildProcess) {
  if (worker.exitCode !== null || worker.signalCode !== null) return
  await new Promise<void>((resolve) => {
    worker.removeAllListeners('exit')
    worker.once('exit', () => resolve())
    worker.kill('SIGTERM')
  })
}
