// Client routes. A module adds its pages under the layout's children.
import type { RouteRecordRaw } from 'vue-router'
import Layout from '@/layout/AppLayout.vue'
import { rolesWith } from '@/utils/permissions'

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
        path: 'census/orgs',
        name: 'census-orgs',
        component: () => import('@/views/census/OrgList.vue'),
        meta: { title: '两新组织台账', roles: rolesWith('census.read') },
      },
      {
        path: 'census/areas',
        name: 'census-areas',
        component: () => import('@/views/census/AreaList.vue'),
        meta: { title: '属地管理', roles: rolesWith('area.manage') },
      },
      {
        path: 'partyorg',
        name: 'partyorg',
        component: () => import('@/views/partyorg/PartyOrgPage.vue'),
        meta: { title: '组织架构', roles: rolesWith('partyorg.read') },
      },
      {
        path: 'partyorg/warnings',
        name: 'partyorg-warnings',
        component: () => import('@/views/partyorg/WarningList.vue'),
        meta: { title: '预警提示', roles: rolesWith('partyorg.read') },
      },
      {
        path: 'members',
        name: 'members',
        component: () => import('@/views/member/MemberList.vue'),
        meta: { title: '党员信息', roles: rolesWith('member.read') },
      },
      {
        path: 'members/transfers',
        name: 'transfers',
        component: () => import('@/views/member/TransferPage.vue'),
        meta: { title: '组织关系转接', roles: rolesWith('member.read') },
      },
      {
        path: 'recruits',
        name: 'recruits',
        component: () => import('@/views/recruit/RecruitBoard.vue'),
        meta: { title: '发展党员', roles: rolesWith('recruit.read') },
      },
      {
        path: 'life',
        name: 'life',
        component: () => import('@/views/life/MeetingPage.vue'),
        meta: { title: '三会一课', roles: rolesWith('life.write') },
      },
      {
        path: 'life/compliance',
        name: 'life-compliance',
        component: () => import('@/views/life/CompliancePage.vue'),
        meta: { title: '落实情况', roles: rolesWith('stats.read') },
      },
      {
        path: 'me/life',
        name: 'my-life',
        component: () => import('@/views/life/MyLifePage.vue'),
        meta: { title: '我的组织生活', roles: rolesWith('life.self') },
      },
      {
        path: 'stats/records',
        name: 'stats-records',
        component: () => import('@/views/stats/RecordsPage.vue'),
        meta: { title: '统计明细', roles: rolesWith('stats.read') },
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
    // Outside the layout: the A4 sheet prints with no menu or top bar.
    path: '/stats/print',
    name: 'stats-print',
    component: () => import('@/views/stats/PrintPage.vue'),
    meta: { title: '统计报表', roles: rolesWith('stats.read') },
  },
  {
    path: '/:pathMatch(.*)*',
    name: 'not-found',
    component: () => import('@/views/error/NotFound.vue'),
    meta: { title: '页面不存在', public: true },
  },
]
