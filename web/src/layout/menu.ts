// The left menu. A module adds its entries here (and its routes in
// router/routes.ts); entries are filtered by role. Only list pages that exist.
import type { Component } from 'vue'
import {
  Avatar,
  Bell,
  Calendar,
  DataAnalysis,
  Document,
  Grid,
  HomeFilled,
  List,
  MapLocation,
  Notebook,
  OfficeBuilding,
  Printer,
  Setting,
  Share,
  Stamp,
  Switch,
  Tickets,
  TrendCharts,
  User,
  UserFilled,
} from '@element-plus/icons-vue'
import type { Role } from '@/api/account'
import { rolesWith } from '@/utils/permissions'

export interface MenuItem {
  title: string
  /** route path; absent for a group */
  path?: string
  icon?: Component
  /** who sees it; absent = everyone signed in */
  roles?: Role[]
  children?: MenuItem[]
}

export const menu: MenuItem[] = [
  { title: '首页', path: '/', icon: HomeFilled },
  {
    title: '两新组织',
    icon: OfficeBuilding,
    children: [
      { title: '两新组织台账', path: '/census/orgs', icon: List, roles: rolesWith('census.read') },
      { title: '属地管理', path: '/census/areas', icon: MapLocation, roles: rolesWith('area.manage') },
    ],
  },
  {
    title: '党组织',
    icon: Share,
    roles: rolesWith('partyorg.read'),
    children: [
      { title: '组织架构', path: '/partyorg', icon: Share },
      { title: '预警提示', path: '/partyorg/warnings', icon: Bell },
    ],
  },
  {
    title: '党员管理',
    icon: UserFilled,
    roles: rolesWith('member.read'),
    children: [
      { title: '党员信息', path: '/members', icon: Avatar },
      { title: '组织关系转接', path: '/members/transfers', icon: Switch },
      { title: '发展党员', path: '/recruits', icon: TrendCharts, roles: rolesWith('recruit.read') },
    ],
  },
  {
    title: '组织生活',
    icon: Calendar,
    roles: rolesWith('life.read'),
    children: [
      { title: '三会一课', path: '/life', icon: Notebook, roles: rolesWith('life.write') },
      { title: '落实情况', path: '/life/compliance', icon: Grid, roles: rolesWith('stats.read') },
      { title: '我的组织生活', path: '/me/life', icon: Stamp, roles: ['member'] },
    ],
  },
  {
    title: '统计分析',
    icon: DataAnalysis,
    roles: rolesWith('stats.read'),
    children: [
      { title: '统计明细', path: '/stats/records', icon: Tickets },
      { title: '统计报表', path: '/stats/print', icon: Printer },
    ],
  },
  {
    title: '系统管理',
    icon: Setting,
    roles: ['admin'],
    children: [
      { title: '用户管理', path: '/system/users', icon: User },
      { title: '审计日志', path: '/system/audit', icon: Document },
    ],
  },
]

/** The menu as one role sees it; groups left empty are dropped. */
export function menuFor(role: Role | undefined, items: MenuItem[] = menu): MenuItem[] {
  const out: MenuItem[] = []
  for (const item of items) {
    if (item.roles && (!role || !item.roles.includes(role))) continue
    if (item.children) {
      const children = menuFor(role, item.children)
      if (children.length) out.push({ ...item, children })
    } else {
      out.push(item)
    }
  }
  return out
}

/** The chain of menu entries that leads to a path (for the breadcrumb). */
export function menuTrail(path: string, items: MenuItem[] = menu): MenuItem[] {
  for (const item of items) {
    if (item.path === path) return [item]
    if (item.children) {
      const sub = menuTrail(path, item.children)
      if (sub.length) return [item, ...sub]
    }
  }
  return []
}
