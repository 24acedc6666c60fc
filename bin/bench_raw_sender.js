/*
| Part of `npm run bench`: sends one pre-built message COUNT times raw
| through a pooled nodemailer transport, LANES at a time, to the sink on
| PORT, and prints the rate. Run as a process of its own, as a worker is,
| so the baseline and the real send share the machine the same way.
|   node bin/bench_raw_sender.js PORT COUNT LANES MESSAGE_FILE
*/
import { readFileSync } from 'node:fs'
import net from 'node:net'
import nodemailer from 'nodemailer'

const [port, count, lanes, file] = process.argv.slice(2)
const message = readFileSync(file)
const transport = nodemailer.createTransport({
  host: '127.0.0.1',
  port: Number(port),
  secure: false,
  ignoreTLS: true,
  pool: true,
  maxConnections: Number(lanes),
  maxMessages: Infinity,
  // As the app's mailer: Nagle off (app/shared/mail/socket.ts).
  getSocket(options, callback) {
    const socket = net.connect(options.port, options.host)
    socket.setNoDelay(true)
    socket.once('connect', () => callback(null, { connection: socket }))
    socket.once('error', () => callback(null, false))
  },
})
let next = 0
const started = performance.now()
await Promise.all(
  Array.from({ length: Number(lanes) }, async () => {
    while (next < Number(count)) {
      next++
      await transport.sendMail({
        envelope: { from: 'bench@example.org', to: ['x@bench.example'] },
        raw: message,
        // As the app sends: the id is given, not made by the mailer.
        messageId: '<bench@example.org>',
      })
    }
  })
)
const rate = Number(count) / ((performance.now() - started) / 1000)
transport.close()
console.log(JSON.stringify({ rate }))
