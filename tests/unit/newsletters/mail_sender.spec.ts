import { test } from '@japa/runner'
import { associationSender, withSender } from '#shared/mail/sender'

const SETTINGS = async () => ({ name: 'Social Talks', email: 'kontakt@socialtalks.example' })

function recorder() {
  const sent: Record<string, unknown>[] = []
  return {
    sent,
    transport: { send: async (message: Record<string, unknown>) => sent.push(message) },
  }
}

test.group('The sender of every mail', () => {
  test('is the association by name and address, the configured address when it has none', ({
    assert,
  }) => {
    assert.deepEqual(
      associationSender({ name: 'Social Talks', email: 'kontakt@socialtalks.example' }),
      {
        address: 'kontakt@socialtalks.example',
        name: 'Social Talks',
      }
    )
    assert.deepEqual(associationSender({ name: 'Social Talks', email: null }), {
      address: 'sekretariat@example.org',
      name: 'Social Talks',
    })
  })

  test('system mails that kept the default From get the association; bounces come back to us', async ({
    assert,
  }) => {
    const { sent, transport } = recorder()
    const wrapped = withSender(transport, SETTINGS)
    await wrapped.send({
      from: { address: 'sekretariat@example.org', name: 'Kreds' },
      to: ['a@b.dk'],
    })
    assert.deepEqual(sent[0].from, { address: 'kontakt@socialtalks.example', name: 'Social Talks' })
    assert.equal(sent[0].sender, 'sekretariat@example.org')
    assert.deepEqual(sent[0].envelope, { from: 'sekretariat@example.org', to: ['a@b.dk'] })
  })

  test('a chosen From and prepared bytes are left alone', async ({ assert }) => {
    const { sent, transport } = recorder()
    const wrapped = withSender(transport, SETTINGS)
    await wrapped.send({ from: { address: 'x@y.dk', name: 'X' }, to: ['a@b.dk'] })
    await wrapped.send({ raw: Buffer.from('From: z'), from: undefined })
    assert.deepEqual(sent[0].from, { address: 'x@y.dk', name: 'X' })
    assert.isUndefined(sent[1].from)
  })
})
