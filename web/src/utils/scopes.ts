// The two scope trees (党组织 and 属地) from GET /api/v1/scopes, shaped for el-tree-select.
import type { Scope } from '@/api/account'
import type { ScopeNode } from '@/api/platform'
import { scopeTypeNames } from './dict'

export const WHOLE_DISTRICT = 'all'

export interface ScopeOption {
  value: string
  label: string
  disabled?: boolean
  children?: ScopeOption[]
  scope?: Scope
}

/** The node key, e.g. "party_org:5"; WHOLE_DISTRICT for no scope. */
export function scopeKey(s: Scope | null | undefined): string {
  return s ? `${s.type}:${s.id}` : WHOLE_DISTRICT
}

function buildTree(nodes: ScopeNode[]): ScopeOption[] {
  const byId = new Map<string, ScopeOption>()
  for (const n of nodes) {
    const scope: Scope = { type: n.type, id: n.id, name: n.name }
    byId.set(String(n.id), { value: scopeKey(scope), label: n.name, scope })
  }
  const roots: ScopeOption[] = []
  for (const n of nodes) {
    const opt = byId.get(String(n.id))!
    const parent = n.parent_id === null ? undefined : byId.get(String(n.parent_id))
    if (parent) (parent.children ??= []).push(opt)
    else roots.push(opt) // top of the tree, or the top of the caller's subtree
  }
  return roots
}

/**
 * Options for a scope selector: a group per tree (the group itself cannot be
 * chosen), and 全区 first when the whole district may be chosen.
 */
export function scopeOptions(nodes: ScopeNode[], withWholeDistrict: boolean): ScopeOption[] {
  const out: ScopeOption[] = []
  if (withWholeDistrict) out.push({ value: WHOLE_DISTRICT, label: '全区' })
  for (const type of ['party_org', 'area'] as const) {
    const children = buildTree(nodes.filter((n) => n.type === type))
    if (children.length) out.push({ value: `group:${type}`, label: scopeTypeNames[type], disabled: true, children })
  }
  return out
}

/** Finds the scope behind a key in the options; null for 全区 or unknown keys. */
export function findScope(options: ScopeOption[], key: string): Scope | null {
  for (const o of options) {
    if (o.value === key) return o.scope ?? null
    if (o.children) {
      const s = findScope(o.children, key)
      if (s) return s
    }
  }
  return null
}
