// Account module: sessions, users and the audit log (src/modules/account on the server).
import { http, type Page } from './http'
import type { Job } from './platform'

export type Role = 'admin' | 'office' | 'street' | 'secretary' | 'instructor' | 'member'
export type ScopeType = 'party_org' | 'area'
export type Id = number | string

export interface Scope {
  type: ScopeType
  id: Id
  name: string
}

export interface User {
  id: Id
  login: string
  name: string
  role: Role
  /** null = the whole district */
  scope: Scope | null
  disabled: boolean
  must_change_password: boolean
  last_login_at: string | null
  created_at: string
}

export interface SessionInfo {
  user: User
  csrf_token: string
}

export interface AuditEntry {
  id: Id
  at: string
  user_id: Id | null
  login: string | null
  ip: string | null
  action: string
  target: string | null
  detail: Record<string, unknown> | null
}

export interface UserQuery {
  page: number
  size: number
  q?: string
  role?: Role | ''
}

export interface NewUser {
  login: string
  name: string
  role: Role
  scope_type: ScopeType | null
  scope_id: Id | null
  password: string
}

export interface UserChanges {
  name?: string
  role?: Role
  scope_type?: ScopeType | null
  scope_id?: Id | null
  disabled?: boolean
}

export interface AuditQuery {
  page: number
  size: number
  login?: string
  action?: string
  from?: string
  to?: string
}

// Sessions. The callers show these errors on the page, so they are quiet.
export const getSession = () => http.get<SessionInfo>('/session', undefined, true)
export const login = (login: string, password: string) =>
  http.post<SessionInfo>('/session', { login, password }, true)
export const logout = () => http.del<null>('/session', true)
export const changePassword = (old_password: string, new_password: string) =>
  http.post<SessionInfo>('/session/password', { old_password, new_password }, true)

// Users (admin).
export const listUsers = (q: UserQuery) => http.get<Page<User>>('/users', { ...q })
export const createUser = (u: NewUser) => http.post<User>('/users', u)
export const updateUser = (id: Id, changes: UserChanges) => http.patch<User>(`/users/${id}`, changes)
export const resetPassword = (id: Id, password: string) =>
  http.post<User>(`/users/${id}/password`, { password })

// Audit log (admin).
export const listAudit = (q: AuditQuery) => http.get<Page<AuditEntry>>('/audit', { ...q })
/** What an audit-chain check job reports. */
export interface AuditVerifyResult {
  ok: boolean
  rows: number
  first_broken_id: Id | null
  message: string
}

export const verifyAudit = () => http.post<{ job: Job<AuditVerifyResult> }>('/audit/verify')
