import { defineConfig } from '@adonisjs/core/bodyparser'

export default defineConfig({
  allowedMethods: ['POST', 'PUT', 'PATCH', 'DELETE'],
  form: { convertEmptyStringsToNull: true, types: ['application/x-www-form-urlencoded'] },
  json: {
    convertEmptyStringsToNull: true,
    types: [
      'application/json',
      'application/json-patch+json',
      'application/vnd.api+json',
      'application/csp-report',
    ],
  },
  // Bounce reports posted to /webhooks/mail-events as the mail server received them.
  raw: { types: ['message/rfc822', 'multipart/report', 'text/plain'], limit: '2mb' },
  // Read only by the upload middleware, on the routes that take files, after
  // the login and the CSRF check: an anonymous upload writes nothing to disk.
  multipart: {
    autoProcess: false,
    convertEmptyStringsToNull: true,
    processManually: [],
    limit: '20mb',
    types: ['multipart/form-data'],
  },
})
