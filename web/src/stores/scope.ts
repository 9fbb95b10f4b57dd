// The data scope every page works in (the org tree selector in the top bar),
// and the scope trees it is chosen from. Later modules read `current`.
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { Scope } from '@/api/account'
import { listScopes, type ScopeNode } from '@/api/platform'
import { scopeKey } from '@/utils/scopes'

export const useScopeStore = defineStore('scope', () => {
  /** null = the whole district */
  const current = ref<Scope | null>(null)
  const nodes = ref<ScopeNode[]>([])
  const loaded = ref(false)
  let pending: Promise<void> | null = null

  const currentKey = computed(() => scopeKey(current.value))

  function select(s: Scope | null) {
    current.value = s
  }

  /** On sign-in and sign-out: back to the user's own scope, trees reloaded on next use. */
  function reset(own: Scope | null) {
    current.value = own
    nodes.value = []
    loaded.value = false
    pending = null
  }

  /** Loads the trees once; `force` reloads them. */
  function load(force = false): Promise<void> {
    if (loaded.value && !force) return Promise.resolve()
    if (pending && !force) return pending
    pending = listScopes()
      .then((r) => {
        nodes.value = r.items
        loaded.value = true
      })
      .finally(() => {
        pending = null
      })
    return pending
  }

  return { current, currentKey, nodes, loaded, select, reset, load }
})
