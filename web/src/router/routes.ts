// Client routes. A module adds its pages under the layout's children.
import type { RouteRecordRaw } from 'vue-router'
import Layout from '@/layout/AppLayout.vue'

export const routes: RouteRecordRaw[] = [
  {
    path: '/login',
    name: 'login',
    component: () => import('@/views/account/LoginPage.vue'),
    meta: { title: '登录', public: true },
  },
  {
    path: '/change-password',
    name: 'change-password',
    component: () => import('@/views/account/ChangePasswordPage.vue'),
    meta: { title: '修改密码' },
  },
  {
    path: '/',
    component: Layout,
    children: [
      {
        path: '',
        name: 'home',
        component: () => import('@/views/home/HomePage.vue'),
        meta: { title: '首页' },
      },
      {
        path: 'system/users',
        name: 'users',
        component: () => import('@/views/account/UserList.vue'),
        meta: { title: '用户管理', roles: ['admin'] },
      },
      {
        path: 'system/audit',
        name: 'audit',
        component: () => import('@/views/account/AuditLog.vue'),
        meta: { title: '审计日志', roles: ['admin'] },
      },
    ],
  },
  {
    path: '/:pathMatch(.*)*',
    name: 'not-found',
    component: () => import('@/views/error/NotFound.vue'),
    meta: { title: '页面不存在', public: true },
  },
]
