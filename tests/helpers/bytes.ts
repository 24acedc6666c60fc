import type { ApiRequest } from '@japa/api-client'

/** PDF and XML responses are read as bytes; superagent leaves unknown types unread. */
export function asBytes<T extends ApiRequest>(request: T): T {
  request.request.buffer(true).parse((response, done) => {
    const chunks: Buffer[] = []
    response.on('data', (chunk: Buffer) => chunks.push(chunk))
    response.on('end', () => done(null, Buffer.concat(chunks)))
  })
  return request
}
