/**
 * Pages and who may open them. Hash history: the server serves one index.html at / and needs no
 * fallback route for deep links.
 */
import { createRouter, createWebHashHistory, type RouteRecordRaw } from 'vue-router';
import { homeOf, isOffice, loadSession, me } from './session.js';
import { onUnauthorised } from './api/index.js';

type Audience = 'office' | 'staff' | 'any';

declare module 'vue-router' {
  interface RouteMeta {
    audience?: Audience;
    title?: string;
  }
}

const routes: RouteRecordRaw[] = [
  { path: '/login', component: () => import('./pages/SignIn.vue'), meta: { title: '登录' } },
  {
    path: '/password',
    component: () => import('./pages/ChangePassword.vue'),
    meta: { audience: 'any', title: '修改密码' },
  },
  { path: '/', redirect: () => (me.value ? homeOf(me.value) : '/login') },
  {
    path: '/office',
    component: () => import('./pages/OfficeHome.vue'),
    meta: { audience: 'office', title: '本单位填报' },
  },
  {
    path: '/rounds',
    component: () => import('./pages/RoundsList.vue'),
    meta: { audience: 'staff', title: '填报轮次' },
  },
  {
    path: '/rounds/new',
    component: () => import('./pages/RoundWizard.vue'),
    meta: { audience: 'staff', title: '新建轮次' },
  },
  {
    path: '/rounds/:id',
    component: () => import('./pages/ProgressDashboard.vue'),
    meta: { audience: 'staff', title: '报送进度' },
  },
  {
    path: '/rounds/:id/offices/:office',
    component: () => import('./pages/OfficeReview.vue'),
    meta: { audience: 'staff', title: '单位报送情况' },
  },
  {
    path: '/rounds/:id/summary',
    component: () => import('./pages/ConsolidationView.vue'),
    meta: { audience: 'staff', title: '汇总' },
  },
  {
    path: '/rounds/:id/report',
    component: () => import('./pages/ReportView.vue'),
    meta: { audience: 'staff', title: '报告' },
  },
  {
    path: '/rounds/:id/notices',
    component: () => import('./pages/NoticePrint.vue'),
    meta: { audience: 'staff', title: '通知' },
  },
  {
    path: '/rounds/:id/urge',
    component: () => import('./pages/UrgePrint.vue'),
    meta: { audience: 'staff', title: '催报名单' },
  },
  {
    path: '/rounds/:id/catalogue',
    component: () => import('./pages/CatalogueReview.vue'),
    meta: { audience: 'staff', title: '目录审核' },
  },
  {
    path: '/trends',
    component: () => import('./pages/TrendsView.vue'),
    meta: { audience: 'staff', title: '跨轮次趋势' },
  },
  { path: '/:rest(.*)*', redirect: '/' },
];

export const router = createRouter({ history: createWebHashHistory(), routes });

router.beforeEach(async (to) => {
  const user = await loadSession();
  const audience = to.meta.audience;
  if (!audience) return user && to.path === '/login' ? homeOf(user) : true;
  if (!user) return { path: '/login', query: { next: to.fullPath } };
  if (user.mustChangePassword && to.path !== '/password') return '/password';
  if (audience === 'office' && !isOffice(user)) return homeOf(user);
  if (audience === 'staff' && isOffice(user)) return homeOf(user);
  return true;
});

router.afterEach((to) => {
  document.title = to.meta.title ? `${to.meta.title} · 落实` : '落实';
});

onUnauthorised(() => {
  me.value = null;
  if (router.currentRoute.value.path !== '/login') void router.push('/login');
});
