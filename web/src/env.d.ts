/// <reference types="vite/client" />
import 'vue-router'
import type { Role } from '@/api/account'

declare module 'vue-router' {
  interface RouteMeta {
    /** Chinese page title, used for the breadcrumb and the window title. */
    title?: string
    /** Pages reachable without a session. */
    public?: boolean
    /** Roles allowed to open the page; absent = every signed-in user. */
    roles?: Role[]
  }
}
