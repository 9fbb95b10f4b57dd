// The signed-in user and the CSRF token that goes with the session cookie.
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { ApiError } from '@/api/http'
import * as account from '@/api/account'
import type { SessionInfo, User } from '@/api/account'
import { useScopeStore } from './scope'
import { useAreaStore } from './areas'
import { roleAllows, type Permission } from '@/utils/permissions'

export const useSessionStore = defineStore('session', () => {
  const user = ref<User | null>(null)
  const csrfToken = ref('')
  /** GET /session has been asked once since the page loaded. */
  const loaded = ref(false)

  const isAdmin = computed(() => user.value?.role === 'admin')

  /** Whether the signed-in user's role holds a permission (for showing buttons; the server decides). */
  function can(permission: Permission): boolean {
    return roleAllows(user.value?.role, permission)
  }

  function setSession(s: SessionInfo) {
    const sameUser = user.value !== null && user.value.id === s.user.id
    user.value = s.user
    csrfToken.value = s.csrf_token
    if (!sameUser) {
      useScopeStore().reset(s.user.scope)
      useAreaStore().reset()
    }
  }

  function clear() {
    user.value = null
    csrfToken.value = ''
    useScopeStore().reset(null)
    useAreaStore().reset()
  }

  /** Asks the server for the current session once; a 401 means nobody is signed in. */
  async function load() {
    try {
      setSession(await account.getSession())
    } catch (e) {
      if (!(e instanceof ApiError && e.status === 401)) console.warn('GET /session failed', e)
      clear()
    } finally {
      loaded.value = true
    }
  }

  async function signIn(login: string, password: string) {
    setSession(await account.login(login, password))
    loaded.value = true
  }

  async function signOut() {
    try {
      await account.logout()
    } finally {
      clear()
    }
  }

  return { user, csrfToken, loaded, isAdmin, can, setSession, clear, load, signIn, signOut }
})
