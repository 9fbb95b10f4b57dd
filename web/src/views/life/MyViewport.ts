// Phone-first helpers for a member's own pages (我的组织生活): whether the
// window is phone-sized, and a meeting's online state and attendance label as
// the member reads them.
import { onBeforeUnmount, onMounted, ref, type Ref } from 'vue'
import type { Attendance, Meeting } from '@/api/life'

/** The width below which the member's pages take the phone layout. */
export const PHONE_QUERY = '(max-width: 768px)'

/** True while the window is phone-sized; follows resizes and rotation. */
export function usePhone(): Ref<boolean> {
  const mq = typeof window !== 'undefined' && window.matchMedia ? window.matchMedia(PHONE_QUERY) : null
  const phone = ref(mq?.matches ?? false)
  const update = (e: MediaQueryListEvent) => (phone.value = e.matches)
  onMounted(() => mq?.addEventListener('change', update))
  onBeforeUnmount(() => mq?.removeEventListener('change', update))
  return phone
}

export type OnlineState = 'held' | 'upcoming' | 'open' | 'closed'

/** An online meeting's state at `now` (as the server's state_of computes it); 'held' when not online. */
export function onlineState(m: Pick<Meeting, 'online' | 'starts_at' | 'ends_at'>, now = Date.now()): OnlineState {
  if (!m.online) return 'held'
  const start = Date.parse(m.starts_at)
  const end = m.ends_at ? Date.parse(m.ends_at) : start
  if (now < start) return 'upcoming'
  if (now < end) return 'open'
  return 'closed'
}

export interface AttendanceLabel {
  text: string
  type: 'success' | 'warning' | 'danger' | 'info' | 'primary'
}

/**
 * My attendance as a tag: 出席 / 迟到 / 缺席（reason） / 未登记. While an online
 * meeting is open or not yet begun, not having posted is not yet an absence.
 */
export function attendanceLabel(a: Attendance | null | undefined, state: OnlineState = 'held'): AttendanceLabel {
  if (state === 'upcoming') return { text: '未开始', type: 'info' }
  if (state === 'open' && a?.status !== 'present') return { text: '进行中', type: 'primary' }
  switch (a?.status) {
    case 'present':
      return { text: '出席', type: 'success' }
    case 'late':
      return { text: '迟到', type: 'warning' }
    case 'absent':
      return { text: a.absence_reason_name ? `缺席（${a.absence_reason_name}）` : '缺席', type: 'danger' }
    default:
      return { text: '未登记', type: 'info' }
  }
}

/** "2026-12-05 14:30 至 2026-12-12 16:00", "2026-12-05 14:30 至 16:00" within a day, or just the start. */
export function timeWindow(m: Pick<Meeting, 'starts_local' | 'ends_local'>): string {
  if (!m.ends_local) return m.starts_local
  const sameDay = m.ends_local.slice(0, 10) === m.starts_local.slice(0, 10)
  return `${m.starts_local} 至 ${sameDay ? m.ends_local.slice(11) : m.ends_local}`
}
