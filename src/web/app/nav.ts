// Which pages a user may open: the side menu and the home redirect come from here.
import type { Me } from '../features/identity/api.ts';
import { usesMobile } from '../features/identity/api.ts';
import { ROSTER_PAGE_ROLES } from '../../domain/org/duty-roster.ts';
import { REGISTRY_READERS } from '../../shared/registry.ts';
import { TASK_ASSIGNERS, TASK_OVERSEERS } from '../../shared/tasks.ts';
import { DUTY_READERS } from '../../shared/duties.ts';
import { DEVICE_READERS } from '../../shared/devices.ts';
import { ALARM_READERS, PLATFORM_ADMINS, WEBHOOK_ADMINS } from '../../shared/alarms.ts';
import { PLAN_READERS } from '../../shared/plans.ts';
import { DISPUTE_CLASS_EDITORS, DISPUTE_FIGURE_READERS, DISPUTE_HANDLERS, DISPUTE_READERS, SWEEP_ORGANISERS } from '../../shared/disputes.ts';
import { ENFORCEMENT_READERS } from '../../shared/enforcement.ts';
import { POINTS_KEEPERS, POINTS_READERS } from '../../shared/points.ts';
import { VOLUNTEER_READERS } from '../../shared/volunteers.ts';
import { PARTICIPATION_READERS } from '../../shared/participation.ts';
import { INDICATOR_READERS } from '../../shared/indicators.ts';
import { DEPARTMENT_EVALUATORS } from '../../shared/ratings.ts';
import { SCREEN_VIEWERS } from '../../shared/screen.ts';
import { REPORT_READERS } from '../../shared/reports.ts';
import { ANALYTICS_READERS } from '../../shared/analytics.ts';
import { ACCOUNT_ADMINS, AUDIT_READERS, CALENDAR_EDITORS, CATALOG_EDITORS, hasTerritory, holdsAnyRole, STAFF_ROLES } from '../../shared/roles.ts';

export type NavKey = 'overview' | 'myGrid' | 'workbench' | 'intake' | 'inbox' | 'registry' | 'matters' | 'orgMap' | 'boards' | 'dutyRoster' | 'accounts' | 'audit' | 'calendar'
  | 'taskProgress' | 'taskMap' | 'taskList' | 'campaigns' | 'absences' | 'dutyCatalog' | 'dutyAdmissions' | 'standingDuties'
  | 'alarmCenter' | 'devices' | 'alarmRules' | 'partnerWebhooks' | 'alertPlatforms' | 'incidents' | 'plans'
  | 'enforcementCases' | 'enforcementMatters' | 'inspections' | 'enforcementStats'
  | 'disputes' | 'disputeSweeps' | 'disputeStats' | 'disputeClasses'
  | 'pointRules' | 'pointAccounts' | 'pointAssessments' | 'pointSupermarket' | 'pointCivility' | 'pointReconciliations'
  | 'volunteerTeams' | 'volunteerActivities' | 'partyMembers'
  | 'participationMatters' | 'councils' | 'meetings' | 'ideas' | 'helpRequests'
  | 'commandScreen' | 'indicators' | 'ratings' | 'departmentEvaluations' | 'rankings' | 'reports' | 'hotspots' | 'circleProjects';
/** A folding group of the side menu (its label is `navGroup.<group>`). */
export type NavGroup = 'participation' | 'pointsVolunteers' | 'governance';
export interface NavEntry { key: NavKey; path: string; group?: NavGroup }

/** Post holders (A or B), departments and handlers get 我的待办. */
export function handlesCases(me: Me): boolean {
  const departmentIds = (me as Me & { departmentIds?: string[] }).departmentIds ?? [];
  return me.roles.includes('handler') || me.roles.includes('department') || me.posts.length > 0 || departmentIds.length > 0;
}

/** The audit administrator (审计管理员) and the system administrator read the audit log. */
export function readsAuditLog(me: Me): boolean {
  return holdsAnyRole(me.roles, AUDIT_READERS);
}

/** The town's and the community's staff, and a grid's leader (网格长), oversee the grid workers' tasks. */
export function watchesTasks(me: Me): boolean {
  const overseers = TASK_OVERSEERS.filter((r) => r !== 'gridWorker');
  return holdsAnyRole(me.roles, overseers) || (me.roles.includes('gridWorker') && me.grids.some((g) => g.teamRole === 'gridLeader'));
}

export function navFor(me: Me): NavEntry[] {
  if (me.kind !== 'staff' || !me.scopeOrgUnit) return [];
  const entries: NavEntry[] = [];
  // an auditor alone has no case, map or catalog pages: only 审计日志 (三员分立)
  if (me.roles.some((r) => STAFF_ROLES.includes(r))) {
    const dispatcher = me.roles.includes('dispatcher');
    // the leader (指挥长) reads the town's cases and figures; a grid worker its grid's cases on a map
    if (me.roles.includes('leader')) entries.push({ key: 'overview', path: '/cases/overview' });
    if (me.roles.includes('gridWorker')) entries.push({ key: 'myGrid', path: '/cases/grid' });
    if (dispatcher || me.roles.includes('communityStaff')) entries.push({ key: 'workbench', path: '/cases/workbench' });
    if (dispatcher) entries.push({ key: 'intake', path: '/cases/intake' });
    if (handlesCases(me)) entries.push({ key: 'inbox', path: '/cases/inbox' });
    // a district department reads the disputes pushed to it (the territory's staff get them with the board's pages below)
    if (!hasTerritory(me.roles) && holdsAnyRole(me.roles, DISPUTE_READERS)) entries.push({ key: 'disputes', path: '/disputes' });
    // 反向评价: a district department reads the towns' reviews of its handling of the cases they sent it
    if (!hasTerritory(me.roles) && me.roles.includes('department')) entries.push({ key: 'departmentEvaluations', path: '/ratings/departments', group: 'governance' });
    // a district department has no territory: it works the cases sent to it, not a map or a town's catalog
    if (hasTerritory(me.roles)) {
      // 告警中心 (sensor alarms, live with a sound), 设备管理 and 告警规则 (the profiles' rules and escalation)
      if (holdsAnyRole(me.roles, ALARM_READERS)) entries.push({ key: 'alarmCenter', path: '/alarms' });
      // 事件处置: the plans started (their steps as work orders, level, stand-down, review)
      if (holdsAnyRole(me.roles, PLAN_READERS)) entries.push({ key: 'incidents', path: '/incidents' });
      // 预案管理: the digital emergency plans (levels, triggers, roles, steps, resources), their versions, 启动 / 演练
      if (holdsAnyRole(me.roles, PLAN_READERS)) entries.push({ key: 'plans', path: '/plans' });
      // 矛盾纠纷 of the reader's territory, 大排查 (every grid reports its disputes or none by a date), 纠纷统计, 纠纷类别
      if (holdsAnyRole(me.roles, DISPUTE_READERS)) entries.push({ key: 'disputes', path: '/disputes' });
      if (holdsAnyRole(me.roles, [...SWEEP_ORGANISERS, ...DISPUTE_HANDLERS])) entries.push({ key: 'disputeSweeps', path: '/disputes/sweeps' });
      if (holdsAnyRole(me.roles, DISPUTE_FIGURE_READERS)) entries.push({ key: 'disputeStats', path: '/disputes/stats' });
      if (holdsAnyRole(me.roles, DISPUTE_CLASS_EDITORS)) entries.push({ key: 'disputeClasses', path: '/disputes/classes' });
      // 综合执法: enforcement cases from the loop or an inspection, the matter list with its benchmarks, joint inspections, figures
      if (holdsAnyRole(me.roles, ENFORCEMENT_READERS)) {
        entries.push({ key: 'enforcementCases', path: '/enforcement/cases' }, { key: 'enforcementMatters', path: '/enforcement/matters' },
          { key: 'inspections', path: '/enforcement/inspections' }, { key: 'enforcementStats', path: '/enforcement/stats' });
      }
      // 共建共治: 三事分流 (public → a case, shared → a council's proposal, private → neighbour help), 议事会 and their
      // proposals, 议事活动 (坝坝议事 and 云坝会 with sign-in, votes and minutes), 金点子, 邻里互助
      if (holdsAnyRole(me.roles, PARTICIPATION_READERS)) {
        const group = 'participation' as const;
        entries.push({ key: 'participationMatters', path: '/participation/matters', group }, { key: 'councils', path: '/participation/councils', group },
          { key: 'meetings', path: '/participation/meetings', group }, { key: 'ideas', path: '/participation/ideas', group },
          { key: 'helpRequests', path: '/participation/help', group });
      }
      // 一屏统揽与赛马比拼: the command screen, 体征指标, 三级五星评价 and 反向评价, rankings and 线上通报, 一表通, 高频诉求 and
      // the 15-minute service circle's projects
      {
        const group = 'governance' as const;
        if (holdsAnyRole(me.roles, SCREEN_VIEWERS)) entries.push({ key: 'commandScreen', path: '/screen', group });
        if (holdsAnyRole(me.roles, INDICATOR_READERS)) {
          entries.push({ key: 'indicators', path: '/indicators', group }, { key: 'ratings', path: '/ratings', group }, { key: 'rankings', path: '/rankings', group });
        }
        if (holdsAnyRole(me.roles, DEPARTMENT_EVALUATORS)) entries.push({ key: 'departmentEvaluations', path: '/ratings/departments', group });
        if (holdsAnyRole(me.roles, REPORT_READERS)) entries.push({ key: 'reports', path: '/reports', group });
        if (holdsAnyRole(me.roles, ANALYTICS_READERS)) {
          entries.push({ key: 'hotspots', path: '/analytics/hotspots', group }, { key: 'circleProjects', path: '/analytics/projects', group });
        }
      }
      // 积分与志愿: 积分细则, 积分账户, 积分评定 (户自查 → 组互评 → 村评定), 积分超市, 红黑榜, 对账; 志愿队伍, 志愿活动与微讲堂, 党员亮身份
      if (holdsAnyRole(me.roles, POINTS_READERS)) {
        const group = 'pointsVolunteers' as const;
        entries.push({ key: 'pointRules', path: '/points/rules', group }, { key: 'pointAccounts', path: '/points/accounts', group },
          { key: 'pointAssessments', path: '/points/assessments', group }, { key: 'pointSupermarket', path: '/points/supermarket', group },
          { key: 'pointCivility', path: '/points/civility', group });
        if (holdsAnyRole(me.roles, [...POINTS_KEEPERS, 'admin', 'leader'])) entries.push({ key: 'pointReconciliations', path: '/points/reconciliations', group });
      }
      if (holdsAnyRole(me.roles, VOLUNTEER_READERS)) {
        const group = 'pointsVolunteers' as const;
        entries.push({ key: 'volunteerTeams', path: '/volunteers/teams', group }, { key: 'volunteerActivities', path: '/volunteers/activities', group },
          { key: 'partyMembers', path: '/volunteers/party', group });
      }
      if (holdsAnyRole(me.roles, DEVICE_READERS)) entries.push({ key: 'devices', path: '/devices' }, { key: 'alarmRules', path: '/device-profiles' });
      // 合作方通知 (the town's partners told of alarms by webhook) and 平台接入 (other platforms' alert keys)
      if (holdsAnyRole(me.roles, WEBHOOK_ADMINS)) entries.push({ key: 'partnerWebhooks', path: '/partners/webhooks' });
      if (holdsAnyRole(me.roles, PLATFORM_ADMINS)) entries.push({ key: 'alertPlatforms', path: '/partners/platforms' });
      // 人房地物: the people, homes, places and things of the reader's territory
      if (holdsAnyRole(me.roles, REGISTRY_READERS)) entries.push({ key: 'registry', path: '/registry' });
      // 照单履职 oversight: the town and the community watch the workers' tasks and visits, a grid's leader their team;
      // those who assign the "+1" also follow the campaigns and record absences
      if (watchesTasks(me)) {
        entries.push({ key: 'taskProgress', path: '/tasks/progress' }, { key: 'taskMap', path: '/tasks/map' }, { key: 'taskList', path: '/tasks/list' });
      }
      if (holdsAnyRole(me.roles, TASK_ASSIGNERS)) entries.push({ key: 'campaigns', path: '/tasks/campaigns' }, { key: 'absences', path: '/tasks/absences' });
      entries.push({ key: 'orgMap', path: '/org/map' });
      if (['city', 'district', 'town'].includes(me.scopeOrgUnit.level)) entries.push({ key: 'boards', path: '/org/boards' });
      // the command center's watch: drawn up by its admins and leaders, read by the dispatchers who call the people on duty
      if (['city', 'district', 'town'].includes(me.scopeOrgUnit.level) && holdsAnyRole(me.roles, ROSTER_PAGE_ROLES)) entries.push({ key: 'dutyRoster', path: '/org/duty-roster' });
      entries.push({ key: 'matters', path: '/matters' });
    }
    // 三级履职清单 and 清单准入: every staff role that works in a town reads the lists; a district department too (it asks
    // for duties and sees what was withdrawn to it); the "6+1" standing duties the tasks are generated from
    if (holdsAnyRole(me.roles, DUTY_READERS)) {
      entries.push({ key: 'dutyCatalog', path: '/duties/catalog' }, { key: 'dutyAdmissions', path: '/duties/admissions' }, { key: 'standingDuties', path: '/duties/standing' });
    }
  }
  // the catalog's editors count its deadlines in working days: they see the calendar the editors enter
  if (holdsAnyRole(me.roles, [...CALENDAR_EDITORS, ...CATALOG_EDITORS])) entries.push({ key: 'calendar', path: '/calendar' });
  // 三员分立: accounts are the security administrator's (安全管理员), not the system administrator's
  if (holdsAnyRole(me.roles, ACCOUNT_ADMINS)) entries.push({ key: 'accounts', path: '/accounts' });
  if (readsAuditLog(me)) entries.push({ key: 'audit', path: '/audit' });
  return entries;
}

/** Where a user lands: the first menu entry; grid workers and residents the phone home, unless a grid worker is on a wide screen. */
export function homePath(me: Me, wideScreen = isWideScreen()): string {
  if (usesMobile(me) && !(wideScreen && me.kind === 'staff' && me.roles.includes('gridWorker'))) return '/m';
  return navFor(me)[0]?.path ?? '/m';
}

/** A computer's screen rather than a phone's. */
function isWideScreen(): boolean {
  return typeof window !== 'undefined' && typeof window.matchMedia === 'function' && window.matchMedia('(min-width: 1024px)').matches;
}

/** The mobile-only accounts (grid workers) may open their own desktop pages; anything else sends them to the phone home. */
export function desktopAllowed(me: Me, pathname: string): boolean {
  return !usesMobile(me) || navFor(me).some((e) => pathname.startsWith(e.path));
}
