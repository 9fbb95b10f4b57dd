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
