// A server-paged list of records (统计明细 and the dashboard's drill-downs):
// the page, its size, the rows and total of the last answer, whether it is
// loading, whether anything was loaded yet, and the last failure's message.
import { ref, type Ref } from 'vue'

export interface PagedAnswer<T> {
  items: T[]
  total: number
}

/**
 * `fetch` asks for one page; a failure empties the list and leaves its
 * message in `failed` (`failText` when it is not an Error).
 */
export function usePagedRecords<T>(fetch: (page: number, size: number) => Promise<PagedAnswer<T>>, failText = '名单加载失败') {
  const page = ref(1)
  const size = ref(20)
  const total = ref(0)
  const rows = ref([]) as Ref<T[]>
  const loading = ref(false)
  const loaded = ref(false)
  const failed = ref('')

  /** Loads the current page. */
  async function load() {
    loading.value = true
    failed.value = ''
    try {
      const r = await fetch(page.value, size.value)
      rows.value = r.items
      total.value = r.total
    } catch (e) {
      rows.value = []
      total.value = 0
      failed.value = e instanceof Error ? e.message : failText
    } finally {
      loading.value = false
      loaded.value = true
    }
  }

  /** Back to page 1 and loads it (a new query). */
  function reload() {
    page.value = 1
    return load()
  }

  /** The 序号 of a row of this page, counted over all pages. */
  const rowIndex = (i: number) => (page.value - 1) * size.value + i + 1

  return { page, size, total, rows, loading, loaded, failed, load, reload, rowIndex }
}

export type PagedRecords<T> = ReturnType<typeof usePagedRecords<T>>
