import { createRouter, createWebHistory } from 'vue-router'
import { ElMessage } from 'element-plus'
import { routes } from './routes'
import { useSessionStore } from '@/stores/session'
import { APP_TITLE } from '@/config'


const router = createRouter({
  history: createWebHistory(),
  routes,
})

// The session is asked for on the first navigation; after that the store knows.
router.beforeEach(async (to) => {
  const session = useSessionStore()
  if (!session.loaded) await session.load()
  const user = session.user

  if (to.name === 'login' && user) {
    return user.must_change_password ? { name: 'change-password' } : { path: '/' }
  }
  if (to.meta.public) return true
  if (!user) {
    return to.fullPath === '/' ? { name: 'login' } : { name: 'login', query: { redirect: to.fullPath } }
  }
  if (user.must_change_password && to.name !== 'change-password') {
    return { name: 'change-password' }
  }
  if (to.meta.roles && !to.meta.roles.includes(user.role)) {
    ElMessage.warning('没有访问该页面的权限')
    return { path: '/' }
  }
  return true
})

router.afterEach((to) => {
  document.title = to.meta.title ? `${to.meta.title} - ${APP_TITLE}` : APP_TITLE
})

export default router
