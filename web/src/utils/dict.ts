// Dictionaries: the Chinese labels of enumerations (RuoYi's 字典).
import type { Role, ScopeType } from '@/api/account'

export const roleOptions: { value: Role; label: string }[] = [
  { value: 'admin', label: '系统管理员' },
  { value: 'office', label: '组织部（两新工委）' },
  { value: 'street', label: '街道党工委' },
  { value: 'secretary', label: '党组织书记' },
  { value: 'instructor', label: '党建指导员' },
  { value: 'member', label: '党员' },
]

export function roleName(role: string | null | undefined): string {
  return roleOptions.find((r) => r.value === role)?.label ?? role ?? ''
}

export const scopeTypeNames: Record<ScopeType, string> = {
  party_org: '党组织',
  area: '属地',
}

export const backendNames: Record<string, string> = {
  sqlite: 'SQLite（内置）',
  postgresql: 'PostgreSQL',
}

/** Audit actions as the server records them (module.verb); unknown ones show as they come. */
export const auditActionOptions: { value: string; label: string }[] = [
  { value: 'session.login', label: '登录' },
  { value: 'session.login_failed', label: '登录失败' },
  { value: 'session.locked', label: '账号锁定' },
  { value: 'session.logout', label: '退出登录' },
  { value: 'session.change_password', label: '修改密码' },
  { value: 'user.create', label: '新增用户' },
  { value: 'user.update', label: '修改用户' },
  { value: 'user.reset_password', label: '重置密码' },
  { value: 'audit.verify', label: '校验审计链' },
]

export function auditActionName(action: string): string {
  return auditActionOptions.find((a) => a.value === action)?.label ?? action
}
