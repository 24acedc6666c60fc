/*
| TypeScript for the processes the tests start (ace commands, workers, the
| server): the same sources compiled by the same swc with the options ts-exec
| derives from tsconfig.json, but through Node's synchronous, in-thread
| module hooks (module.registerHooks) instead of ts-exec's hooks on a loader
| thread, where every import of every package waits for a message between
| threads. That wait is more than a second of each process's start, and the
| suites start some two hundred processes. Kreds itself (`node ace`,
| `npm run dev`) runs through ts-exec as before.
|
| Loaded with `node --import ./tests/helpers/in_thread_typescript.js`.
*/
import { readFileSync } from 'node:fs'
import { createRequire, registerHooks } from 'node:module'
import { fileURLToPath } from 'node:url'

const require = createRequire(import.meta.url)
const { transformSync } = require('@swc/core')

process.setSourceMapsEnabled(true)

/** What ts-exec passes swc for this project's tsconfig (decorators with metadata, define semantics). */
const SWC_OPTIONS = {
  sourceMaps: 'inline',
  jsc: {
    target: 'esnext',
    externalHelpers: false,
    parser: { syntax: 'typescript', tsx: false, decorators: true, dynamicImport: true },
    transform: {
      decoratorMetadata: true,
      legacyDecorator: true,
      useDefineForClassFields: true,
    },
    experimental: { keepImportAttributes: true },
    keepClassNames: true,
  },
}

const TYPESCRIPT_FORMATS = { 'module-typescript': 'module', 'commonjs-typescript': 'commonjs' }

registerHooks({
  /** `#models/user` and `./user.js` name .ts files: as ts-exec, try .ts when .js is missing. */
  resolve(specifier, context, nextResolve) {
    try {
      return nextResolve(specifier, context)
    } catch (error) {
      const url = error?.code === 'ERR_MODULE_NOT_FOUND' ? error.url : undefined
      if (typeof url !== 'string' || !url.startsWith('file:')) throw error
      const [path, ...query] = url.split('?')
      if (!path.endsWith('.js')) throw error
      const typescript = `${path.slice(0, -3)}.ts${query.length ? `?${query.join('?')}` : ''}`
      return nextResolve(typescript, context)
    }
  },

  load(url, context, nextLoad) {
    const format = TYPESCRIPT_FORMATS[context.format]
    if (!format) return nextLoad(url, context)
    const filename = fileURLToPath(url.split('?')[0])
    const { code } = transformSync(readFileSync(filename, 'utf8'), {
      ...SWC_OPTIONS,
      filename,
      module: { type: format === 'commonjs' ? 'commonjs' : 'es6' },
    })
    return { format, source: `${code}\n//# sourceURL=${url}`, shortCircuit: true }
  },
})
