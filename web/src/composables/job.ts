// Follows a background job (GET /api/v1/jobs/{id}) until it succeeds or fails.
// Imports, exports and the audit check all use it.
import { computed, onBeforeUnmount, ref } from 'vue'
import { getJob, type Job } from '@/api/platform'
import type { Id } from '@/api/account'

export function useJob<R = Record<string, unknown>>(intervalMs = 800) {
  const job = ref<Job<R> | null>(null)
  const error = ref('')
  let timer: ReturnType<typeof setTimeout> | null = null
  let stopped = false

  const finished = computed(() => job.value?.status === 'succeeded' || job.value?.status === 'failed')
  const running = computed(() => job.value !== null && !finished.value && !error.value)
  /** 0–100; null while the total is not known yet. */
  const percent = computed<number | null>(() => {
    const j = job.value
    if (!j) return null
    if (j.status === 'succeeded') return 100
    if (!j.total) return null
    return Math.min(100, Math.floor((j.done / j.total) * 100))
  })

  function stop() {
    stopped = true
    if (timer) clearTimeout(timer)
    timer = null
  }

  async function poll(id: Id) {
    if (stopped) return
    try {
      job.value = (await getJob(id)) as Job<R>
    } catch (e) {
      error.value = e instanceof Error ? e.message : String(e)
      return
    }
    if (!finished.value && !stopped) timer = setTimeout(() => poll(id), intervalMs)
  }

  /** Starts following a job returned by a POST. */
  function follow(first: Job<R>) {
    stop()
    stopped = false
    error.value = ''
    job.value = first
    if (!finished.value) timer = setTimeout(() => poll(first.id), intervalMs)
  }

  onBeforeUnmount(stop)

  return { job, error, finished, running, percent, follow, stop }
}
