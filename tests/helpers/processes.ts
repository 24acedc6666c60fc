import { spawn } from 'node:child_process'
import { rm } from 'node:fs/promises'
import { createServer } from 'node:net'
import { pathToFileURL } from 'node:url'
import app from '@adonisjs/core/services/app'
import type { Group } from '@japa/runner/core'
import { onlyInSqlitePass } from '#tests/helpers/database_free'

export type ProcessResult = { code: number | null; stdout: string; stderr: string }

/**
 * The arguments for node: `ace …` and `--import=@poppinss/ts-exec file.ts`
 * run the same entry points through tests/helpers/in_thread_typescript.js,
 * which starts a process in about half the time; anything else is as given.
 */
function nodeArguments(command: string[]) {
  const typescript = [
    '--import',
    pathToFileURL(app.makePath('tests/helpers/in_thread_typescript.js')).href,
  ]
  const [first, ...rest] = command
  if (first === 'ace') return [...typescript, 'bin/console.ts', ...rest]
  if (first === '--import=@poppinss/ts-exec') return [...typescript, ...rest]
  return command
}

/** Runs `node ace …` as its own process, the way an operator would. */
export function runAce(
  args: string[],
  options: { env?: Record<string, string>; input?: string; timeoutMs?: number } = {}
): Promise<ProcessResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, nodeArguments(['ace', ...args]), {
      cwd: app.appRoot.pathname,
      env: { ...process.env, ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk) => (stdout += chunk))
    child.stderr.on('data', (chunk) => (stderr += chunk))
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`ace ${args.join(' ')} did not finish in time.\n${stdout}\n${stderr}`))
    }, options.timeoutMs ?? 60_000)
    child.on('exit', (code) => {
      clearTimeout(timer)
      resolve({ code, stdout, stderr })
    })
    child.stdin.end(options.input ?? '')
  })
}

export async function freePort() {
  return new Promise<number>((resolve, reject) => {
    const server = createServer()
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
    server.on('error', reject)
  })
}

export type RunningProcess = {
  output(): string
  stop(): Promise<void>
  /** Ends the process at once, as a crash or the kernel's OOM killer would. */
  kill(): Promise<void>
}

/**
 * Starts a long-running process (a server, a worker) and waits until it is
 * ready: a line of its output matches, or a probe (such as a request to a
 * server that logs nothing) answers true.
 */
export async function startProcess(
  command: string[],
  options: {
    env?: Record<string, string>
    readyWhen: RegExp | (() => Promise<boolean>)
    timeoutMs?: number
    cwd?: string
  }
): Promise<RunningProcess> {
  const child = spawn(process.execPath, nodeArguments(command), {
    cwd: options.cwd ?? app.appRoot.pathname,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`${command.join(' ')} was not ready in time:\n${output}`))
    }, options.timeoutMs ?? 60_000)
    let ready = false
    const isReady = () => {
      ready = true
      clearTimeout(timer)
      resolve()
    }
    const readyWhen = options.readyWhen
    child.stdout.on('data', (chunk: Buffer) => (output += chunk))
    child.stderr.on('data', (chunk: Buffer) => (output += chunk))
    if (readyWhen instanceof RegExp) {
      const onData = () => !ready && readyWhen.test(output) && isReady()
      child.stdout.on('data', onData)
      child.stderr.on('data', onData)
    } else {
      const probe = async () => {
        while (!ready && child.exitCode === null && child.signalCode === null) {
          if (await readyWhen().catch(() => false)) return isReady()
          await new Promise((wait) => setTimeout(wait, 100))
        }
      }
      void probe()
    }
    child.on('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`${command.join(' ')} exited with ${code}:\n${output}`))
    })
  })
  return {
    output: () => output,
    kill: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve()
        child.removeAllListeners('exit')
        child.on('exit', () => resolve())
        child.kill('SIGKILL')
      }),
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve()
        child.removeAllListeners('exit')
        child.on('exit', () => resolve())
        child.kill('SIGTERM')
        setTimeout(() => child.kill('SIGKILL'), 5000).unref()
      }),
  }
}

/**
 * For a group whose commands run only on databases it names itself (its own
 * SQLite files, a MariaDB database of its own): it does the same in the
 * suite's MariaDB pass as in its SQLite pass, so that pass skips it, saying
 * why, instead of running it twice.
 */
export function runOnceWhateverTheSuiteDatabase(group: Group) {
  onlyInSqlitePass(
    group,
    'runs only on databases it names itself; the SQLite pass of the suite runs it'
  )
}

/**
 * For a command whose own part (its arguments, its output, its exit code) is
 * the same whatever the database, and whose database work is done by actions
 * the in-process tests run on MariaDB too: its processes run in the SQLite
 * pass only, since each costs a second or more to start and the MariaDB pass
 * would learn nothing new from them.
 */
export function commandLayerOnce(group: Group) {
  onlyInSqlitePass(
    group,
    "the command's own part is the same on every database and its actions are tested on this one in process; the SQLite pass runs it"
  )
}

/**
 * An SQLite file of a group's own for commands run as their own processes:
 * removed (with its -wal and -shm) before the group and after it, so each
 * run starts from an empty database the suite's transactions never touch.
 */
export function ownSqliteFile(
  group: { setup(handler: () => Promise<() => Promise<void>>): void },
  path: string
) {
  const remove = () =>
    Promise.all(
      ['', '-wal', '-shm'].map((suffix) => rm(app.makePath(path + suffix), { force: true }))
    )
  group.setup(async () => {
    await remove()
    return async () => {
      await remove()
    }
  })
  return { path, env: { DB_CONNECTION: 'sqlite', SQLITE_PATH: path } }
}
