import { defineConfig } from '@adonisjs/transmit'

/*
| Live updates (server-sent events) for the chair's screen. One web process
| needs no transport; several share events through Redis (see README).
*/
export default defineConfig({
  pingInterval: '30s',
  transport: null,
})
