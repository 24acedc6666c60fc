import app from '@adonisjs/core/services/app'
import { configProvider } from '@adonisjs/core'
import type { ResolvedSessionConfig } from '@adonisjs/session/types'

type MemoryStoreClass = { sessions: Map<string, unknown>; tags: Map<string, string> }

/**
 * Tests keep sessions in the memory store, which lives as long as the test
 * process. Each test starts without the sessions of earlier ones: ids of
 * rolled-back users come back, and their old sessions would count as theirs.
 */
export async function forgetMemorySessions() {
  const config = await configProvider.resolve<ResolvedSessionConfig>(app, app.config.get('session'))
  if (!config) return
  const store = config.stores.memory(null as never, config)
  const storeClass = store.constructor as unknown as Partial<MemoryStoreClass>
  storeClass.sessions?.clear()
  storeClass.tags?.clear()
}
