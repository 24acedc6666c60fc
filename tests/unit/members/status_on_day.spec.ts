import { test } from '@japa/runner'
import { statusOnDay, type StatusChangeOnRecord } from '#members/membership'

const change = (
  changedOn: string,
  fromStatus: StatusChangeOnRecord['fromStatus'],
  toStatus: StatusChangeOnRecord['toStatus']
): StatusChangeOnRecord => ({ changedOn, fromStatus, toStatus })

test.group('Membership status on a day', () => {
  test('from the dated changes: joined, resigned, rejoined', ({ assert }) => {
    const history = [
      change('2020-11-01', null, 'applicant'),
      change('2021-01-15', 'applicant', 'active'),
      change('2023-06-30', 'active', 'resigned'),
      change('2025-02-01', 'resigned', 'active'),
    ]
    // Today's fields say it joined in 2025; the history knows it was a member in 2022.
    const now = { status: 'active' as const, joinedOn: '2025-02-01', leftOn: null }
    assert.isNull(statusOnDay('2020-10-31', now, history))
    assert.equal(statusOnDay('2021-01-14', now, history), 'applicant')
    assert.equal(statusOnDay('2021-01-15', now, history), 'active', 'joined that very day')
    assert.equal(statusOnDay('2022-04-20', now, history), 'active')
    assert.equal(statusOnDay('2023-06-30', now, history), 'resigned', 'left that very day')
    assert.equal(statusOnDay('2024-04-20', now, history), 'resigned')
    assert.equal(statusOnDay('2025-04-20', now, history), 'active')
  })

  test('before the first recorded change, the status it changed from, once joined', ({
    assert,
  }) => {
    const resignedLater = {
      status: 'resigned' as const,
      joinedOn: '2021-01-15',
      leftOn: '2024-12-31',
    }
    const history = [change('2024-12-31', 'active', 'resigned')]
    assert.equal(statusOnDay('2023-04-20', resignedLater, history), 'active')
    assert.isNull(statusOnDay('2020-04-20', resignedLater, history), 'not yet joined')
    assert.equal(statusOnDay('2025-04-20', resignedLater, history), 'resigned')
  })

  test('without history, the join and leave dates decide', ({ assert }) => {
    const resigned = { status: 'resigned' as const, joinedOn: '2021-01-15', leftOn: '2024-12-31' }
    assert.isNull(statusOnDay('2021-01-14', resigned, []))
    assert.equal(statusOnDay('2024-12-30', resigned, []), 'active')
    assert.equal(statusOnDay('2024-12-31', resigned, []), 'resigned')
    const joinedLater = { status: 'active' as const, joinedOn: '2024-03-01', leftOn: null }
    assert.isNull(statusOnDay('2021-01-15', joinedLater, []))
    assert.equal(statusOnDay('2024-03-01', joinedLater, []), 'active')
  })

  test('an active member with no join date counts as a member on any day', ({ assert }) => {
    const undated = { status: 'active' as const, joinedOn: null, leftOn: null }
    assert.equal(statusOnDay('2021-01-15', undated, []), 'active')
    assert.equal(statusOnDay('2030-01-15', undated, []), 'active')
  })

  test('an applicant never was a member', ({ assert }) => {
    const applicant = { status: 'applicant' as const, joinedOn: null, leftOn: null }
    assert.isNull(statusOnDay('2021-01-15', applicant, []))
    const history = [change('2024-01-01', null, 'applicant')]
    assert.isNull(statusOnDay('2023-01-01', applicant, history))
    assert.equal(statusOnDay('2025-01-01', applicant, history), 'applicant')
  })
})
