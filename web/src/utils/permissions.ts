// Which role holds which permission: a copy of the table in src/core/roles.cpp,
// used only to show or hide buttons and menu entries. The server enforces the
// same table on every request, so a stale copy here hides too much or too
// little but never grants anything. Keep in step with roles.cpp.
import type { Role } from '@/api/account'

export type Permission =
  | 'user.manage'
  | 'settings.read'
  | 'settings.manage'
  | 'area.manage'
  | 'census.read'
  | 'census.write'
  | 'census.import'
  | 'ledger.import'
  | 'partyorg.read'
  | 'partyorg.write'
  | 'partyorg.committee'
  | 'stats.read'
  | 'member.read'
  | 'member.write'
  | 'member.reveal'
  | 'member.transfer'
  | 'member.import'
  | 'recruit.read'
  | 'recruit.write'
  | 'life.read'
  | 'life.write'
  | 'life.self'
  | 'audit.read'
  | 'audit.verify'
  | 'scope.read'
  | 'job.read'

const ALL: Role[] = ['admin', 'office', 'street', 'secretary', 'instructor', 'member']

export const permissionTable: Record<Permission, Role[]> = {
  'user.manage': ['admin'],
  'settings.read': ALL,
  'settings.manage': ['admin'],
  'area.manage': ['admin', 'office'],
  'census.read': ['admin', 'office', 'street', 'secretary', 'instructor'],
  'census.write': ['admin', 'office', 'street'],
  'census.import': ['admin', 'office', 'street'],
  'ledger.import': ['admin', 'office', 'street', 'secretary'],
  'partyorg.read': ['admin', 'office', 'street', 'secretary', 'instructor'],
  'partyorg.write': ['admin', 'office', 'street'],
  'partyorg.committee': ['admin', 'office', 'street', 'secretary'],
  'stats.read': ['admin', 'office', 'street', 'secretary', 'instructor'],
  'member.read': ['admin', 'office', 'street', 'secretary'],
  'member.write': ['admin', 'office', 'street', 'secretary'],
  'member.reveal': ['admin', 'office', 'secretary'],
  'member.transfer': ['admin', 'office', 'street', 'secretary'],
  'member.import': ['admin', 'office', 'street', 'secretary'],
  'recruit.read': ['admin', 'office', 'street', 'secretary'],
  'recruit.write': ['admin', 'office', 'street', 'secretary'],
  'life.read': ['admin', 'office', 'street', 'secretary', 'member'],
  'life.write': ['admin', 'office', 'street', 'secretary'],
  'life.self': ALL,
  'audit.read': ['admin'],
  'audit.verify': ['admin'],
  'scope.read': ALL,
  'job.read': ALL,
}

/** True when `role` holds `permission` (false when nobody is signed in). */
export function roleAllows(role: Role | null | undefined, permission: Permission): boolean {
  return !!role && permissionTable[permission].includes(role)
}

/** The roles holding a permission, for menu entries and route meta. */
export function rolesWith(permission: Permission): Role[] {
  return [...permissionTable[permission]]
}
