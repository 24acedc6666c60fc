/*
| `npm run dev`: the first start writes .env (with a new APP_KEY) from
| .env.example, migrates and seeds the SQLite database, prints the demo
| logins, then runs the web server with hot reload and a queue worker.
*/
import { spawn, spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('../', import.meta.url))
const major = Number(process.versions.node.split('.')[0])
if (major < 24) {
  console.error(`Kreds needs Node.js 24 or newer; this is ${process.version}. See .nvmrc.`)
  process.exit(1)
}

const envFile = `${root}.env`
if (!existsSync(envFile)) {
  const example = readFileSync(`${root}.env.example`, 'utf8')
  const key = randomBytes(32).toString('base64url')
  writeFileSync(envFile, example.replace(/^APP_KEY=.*$/m, `APP_KEY=${key}`), { mode: 0o600 })
  console.log('Wrote .env with a new APP_KEY (from .env.example)')
}
mkdirSync(`${root}tmp`, { recursive: true })

const prepared = spawnSync(process.execPath, ['ace', 'kreds:prepare'], {
  cwd: root,
  stdio: 'inherit',
})
if (prepared.status !== 0) process.exit(prepared.status ?? 1)

// Each is stopped with the signal it handles: the dev server stops its own
// child on SIGINT (as after Ctrl-C), the worker finishes its jobs on SIGTERM.
const children = [
  {
    stopSignal: 'SIGINT',
    process: spawn(process.execPath, ['ace', 'serve', '--hmr'], { cwd: root, stdio: 'inherit' }),
  },
  {
    stopSignal: 'SIGTERM',
    process: spawn(process.execPath, ['ace', 'queue:work'], { cwd: root, stdio: 'inherit' }),
  },
]

let stopping = false
function stop(code) {
  if (stopping) return
  stopping = true
  const running = children.filter(
    ({ process: child }) => child.exitCode === null && child.signalCode === null
  )
  if (running.length === 0) process.exit(code)
  let left = running.length
  for (const { stopSignal, process: child } of running) {
    child.once('exit', () => {
      left -= 1
      if (left === 0) process.exit(code)
    })
    child.kill(stopSignal)
  }
  setTimeout(() => {
    for (const { process: child } of running) child.kill('SIGKILL')
    process.exit(code)
  }, 10_000).unref()
}
for (const { process: child } of children) child.on('exit', (code) => stop(code ?? 0))
process.on('SIGINT', () => stop(0))
process.on('SIGTERM', () => stop(0))
