import env from '#start/env'
import { defineConfig, drivers } from '@adonisjs/queue'

/*
| The database driver needs no extra server; Redis lets many workers on many
| machines share the work. Jobs carry ids, never rendered content.
*/
export default defineConfig({
  default: env.get('QUEUE_DRIVER'),
  adapters: {
    database: drivers.database(),
    redis: drivers.redis({ connectionName: 'main' }),
    sync: drivers.sync(),
  },
  worker: {
    concurrency: 5,
    idleDelay: '1s',
    stalledThreshold: '2m',
    stalledInterval: '30s',
    // A job whose worker died is put back rather than dropped after one stall.
    maxStalledCount: 5,
  },
  // Failed jobs are kept a month (the default drops them) so the admin's start page can count them.
  defaultJobOptions: { removeOnFail: { age: '30d', count: 1000 } },
  locations: ['./app/*/jobs/**/*.{ts,js}'],
})
