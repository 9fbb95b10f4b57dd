// The areas (属地) in the user's scope, loaded once and shared by the pickers
// and filters of every census page; 属地管理 reloads it after a change.
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { listAreas, type Area } from '@/api/census'

export interface AreaOption {
  value: string
  label: string
  level: Area['level']
  area: Area
  children?: AreaOption[]
}

export const useAreaStore = defineStore('areas', () => {
  const items = ref<Area[]>([])
  const loaded = ref(false)
  let pending: Promise<void> | null = null

  /** The tree for el-tree / el-tree-select: values are ids as strings. */
  const tree = computed<AreaOption[]>(() => {
    const byId = new Map<string, AreaOption>()
    for (const a of items.value) byId.set(String(a.id), { value: String(a.id), label: a.name, level: a.level, area: a })
    const roots: AreaOption[] = []
    for (const a of items.value) {
      const node = byId.get(String(a.id))!
      const parent = a.parent_id === null ? undefined : byId.get(String(a.parent_id))
      if (parent) (parent.children ??= []).push(node)
      else roots.push(node)
    }
    return roots
  })

  function byId(id: string | number | null | undefined): Area | undefined {
    if (id === null || id === undefined || id === '') return undefined
    return items.value.find((a) => String(a.id) === String(id))
  }

  function load(force = false): Promise<void> {
    if (loaded.value && !force) return Promise.resolve()
    if (pending && !force) return pending
    pending = listAreas()
      .then((r) => {
        items.value = r.items
        loaded.value = true
      })
      .finally(() => {
        pending = null
      })
    return pending
  }

  function reset() {
    items.value = []
    loaded.value = false
    pending = null
  }

  return { items, loaded, tree, byId, load, reset }
})
