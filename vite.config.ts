import { defineConfig } from 'vite'
import adonisjs from '@adonisjs/vite/client'

export default defineConfig({
  plugins: [
    adonisjs({
      entryPoints: ['resources/css/app.css', 'resources/js/app.js'],
      reload: ['resources/views/**/*.edge'],
    }),
  ],
  server: {
    watch: { ignored: ['**/tmp/**'] },
    // Under test a page must not reload itself because a file changed meanwhile.
    hmr: process.env.NODE_ENV !== 'test',
  },
})
