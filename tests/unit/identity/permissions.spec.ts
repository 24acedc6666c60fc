import { test } from '@japa/runner'
import { can, PERMISSIONS } from '#identity/permissions'
import { ROLES } from '#identity/roles'

test.group('Role permissions', () => {
  test('admin may do everything', ({ assert }) => {
    for (const permission of Object.keys(PERMISSIONS) as (keyof typeof PERMISSIONS)[]) {
      assert.isTrue(can({ role: 'admin', isActive: true }, permission), permission)
    }
  })

  test('only admin manages settings, staff and the outbox', ({ assert }) => {
    for (const role of ROLES.filter((r) => r !== 'admin')) {
      assert.isFalse(can({ role, isActive: true }, 'settings.manage'), role)
      assert.isFalse(can({ role, isActive: true }, 'staff.manage'), role)
      assert.isFalse(can({ role, isActive: true }, 'outbox.view'), role)
    }
  })

  test('the board reads the audit log; treasurer and secretariat do not', ({ assert }) => {
    assert.isTrue(can({ role: 'board', isActive: true }, 'audit.view'))
    assert.isFalse(can({ role: 'treasurer', isActive: true }, 'audit.view'))
    assert.isFalse(can({ role: 'secretariat', isActive: true }, 'audit.view'))
  })

  test('each area is open to its own role', ({ assert }) => {
    assert.isTrue(can({ role: 'treasurer', isActive: true }, 'dues.view'))
    assert.isFalse(can({ role: 'secretariat', isActive: true }, 'dues.view'))
    assert.isTrue(can({ role: 'secretariat', isActive: true }, 'newsletters.view'))
    assert.isFalse(can({ role: 'treasurer', isActive: true }, 'newsletters.view'))
    assert.isTrue(can({ role: 'board', isActive: true }, 'assemblies.view'))
    assert.isFalse(can({ role: 'secretariat', isActive: true }, 'assemblies.view'))
  })

  test('a deactivated account or nobody may do nothing', ({ assert }) => {
    assert.isFalse(can({ role: 'admin', isActive: false }, 'dashboard.view'))
    assert.isFalse(can(null, 'dashboard.view'))
  })
})
