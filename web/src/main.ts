import { createApp } from 'vue'
import { createPinia } from 'pinia'
import ElementPlus from 'element-plus'
import zhCn from 'element-plus/es/locale/lang/zh-cn'
import 'element-plus/dist/index.css'
import './styles.css'
import App from './App.vue'
import router from './router'
import { configureHttp } from './api/http'
import { useSessionStore } from './stores/session'

const app = createApp(App)
const pinia = createPinia()
app.use(pinia)
app.use(router)
app.use(ElementPlus, { locale: zhCn })

const session = useSessionStore(pinia)
configureHttp({
  csrfToken: () => session.csrfToken,
  onUnauthorized: () => {
    session.clear()
    const here = router.currentRoute.value
    if (here.name !== 'login') {
      router.replace({ name: 'login', query: here.fullPath === '/' ? {} : { redirect: here.fullPath } })
    }
  },
  onPasswordChangeRequired: () => {
    router.replace({ name: 'change-password' })
  },
})

app.mount('#app')
