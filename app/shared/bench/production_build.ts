import { spawnSync } from 'node:child_process'
import { existsSync, symlinkSync } from 'node:fs'
import { join } from 'node:path'
import app from '@adonisjs/core/services/app'
import env from '#start/env'

let built: string | null = null

/**
 * The app compiled as `node ace build` makes it for production: plain
 * JavaScript and built assets, nothing compiled while a request or a job
 * waits. Made afresh once per run so it matches the source; it uses this
 * checkout's packages.
 */
export function productionBuild() {
  if (built) return built
  const result = spawnSync(process.execPath, ['ace', 'build'], {
    cwd: app.appRoot.pathname,
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  })
  if (result.status !== 0) {
    const said = `${result.stdout}\n${result.stderr}`.trim().split('\n').slice(-30).join('\n')
    throw new Error(`node ace build failed:\n${said}`)
  }
  const root = app.makePath('build')
  const modules = join(root, 'node_modules')
  if (!existsSync(modules)) symlinkSync(app.makePath('node_modules'), modules, 'dir')
  return (built = root)
}

/** The build has a root of its own: it must use the database this process prepared. */
export function productionBuildEnv(): Record<string, string> {
  return { SQLITE_PATH: app.makePath(env.get('SQLITE_PATH') ?? 'tmp/db.sqlite3') }
}
