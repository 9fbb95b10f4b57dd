// Platform endpoints every module shares: health, the scope trees, background jobs.
import { http } from './http'
import type { Id, ScopeType } from './account'

export interface Health {
  status: string
  database: string
  backend: 'sqlite' | 'postgresql'
  schema_version: number
  version: string
}

export interface ScopeNode {
  type: ScopeType
  id: Id
  name: string
  parent_id: Id | null
}

export type JobStatus = 'queued' | 'running' | 'succeeded' | 'failed'

export interface Job<R = Record<string, unknown>> {
  id: Id
  kind: string
  status: JobStatus
  done: number
  total: number
  result: R | null
  error: string | null
}

export const getHealth = () => http.get<Health>('/health', undefined, true)
export const listScopes = () => http.get<{ items: ScopeNode[] }>('/scopes')
export const getJob = <R = Record<string, unknown>>(id: Id) => http.get<Job<R>>(`/jobs/${id}`)
