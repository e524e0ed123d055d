import type { Role } from '../../shared/roles.ts';
import type { TeamRole } from '../../shared/org-levels.ts';

/**
 * Who in a grid's team does a generated task. The grid workers (full-time and part-time members linked to an active
 * account with the gridWorker role) share the grid's tasks by their open load, a part-time worker counting for half;
 * the same person keeps the same household (or risk point, or building) while they are there, so residents see one
 * face; a worker away on the day a task starts gets nothing and their share goes to the colleagues present; with
 * nobody present the grid leader takes it, and with no grid leader either the task stays unassigned and is flagged.
 * Plain rules over plain data: the loads are a map the caller keeps and this rule updates.
 */

export interface TeamMemberInput {
  accountId: string | null;
  name: string;
  teamRole: TeamRole;
  /** the linked account's roles (empty without an account) */
  roles: readonly Role[];
  /** the linked account exists and is not disabled */
  active: boolean;
}

export interface Worker {
  accountId: string;
  name: string;
  /** share of the grid's work: 1 full-time, 0.5 part-time */
  capacity: number;
}

export interface GridTeam {
  workers: readonly Worker[];
  leader: { accountId: string; name: string } | null;
}

export interface Absence {
  accountId: string;
  /** first and last day away, inclusive (YYYY-MM-DD) */
  from: string;
  to: string;
}

const CAPACITY: Partial<Record<TeamRole, number>> = { fullTime: 1, partTime: 0.5 };

/** The team as the assignment sees it: its grid workers in team order (an account listed twice counts once) and its leader. */
export function gridTeamOf(members: readonly TeamMemberInput[]): GridTeam {
  const workers: Worker[] = [];
  for (const m of members) {
    const capacity = CAPACITY[m.teamRole];
    if (capacity === undefined || m.accountId === null || !m.active || !m.roles.includes('gridWorker')) continue;
    const same = workers.find((w) => w.accountId === m.accountId);
    if (same) same.capacity = Math.max(same.capacity, capacity);
    else workers.push({ accountId: m.accountId, name: m.name, capacity });
  }
  const lead = members.find((m) => m.teamRole === 'gridLeader' && m.accountId !== null && m.active);
  return { workers, leader: lead ? { accountId: lead.accountId!, name: lead.name } : null };
}

export function isAway(accountId: string, day: string, absences: readonly Absence[]): boolean {
  return absences.some((a) => a.accountId === accountId && a.from <= day && day <= a.to);
}

/** What a task needs for its assignment. */
export interface AssignmentAsk {
  /** what the same person should keep: the household of a resident, else the subject itself */
  stickKey: string;
  /** the day the task starts: who is away on it gets nothing */
  startsOn: string;
  /** someone who should do it when present (the grid worker who reported a case checks its handling) */
  prefer?: string | null;
  /** who must not (the one who handled a case does not check their own work) */
  exclude?: readonly string[];
}

export type Assignment =
  | { assigneeId: string; assigneeName: string; by: 'preferred' | 'team' | 'leader' }
  | { assigneeId: null; assigneeName: null; by: 'nobody' };

/**
 * How far (in tasks, per full-time share) the one who would keep a household may be ahead of the least loaded
 * colleague before the task goes to someone else instead.
 */
export const KEEP_SLACK = 5;

/**
 * The assignee of one task; `loads` (open tasks per account, including those given so far in this run) is updated.
 * Among the workers present, each household has its own order of preference (rendezvous hashing of the household and
 * the worker, weighted by capacity), which changes only for the workers who come or go, so the same person keeps the
 * same households; the first in that order whose load per share is within `slack` of the least loaded one takes it.
 */
export function assign(ask: AssignmentAsk, team: GridTeam, absences: readonly Absence[], loads: Map<string, number>, slack = KEEP_SLACK): Assignment {
  const excluded = new Set(ask.exclude ?? []);
  const present = team.workers.filter((w) => !excluded.has(w.accountId) && !isAway(w.accountId, ask.startsOn, absences));
  const give = (accountId: string, name: string, by: 'preferred' | 'team' | 'leader'): Assignment => {
    loads.set(accountId, (loads.get(accountId) ?? 0) + 1);
    return { assigneeId: accountId, assigneeName: name, by };
  };
  const preferred = ask.prefer ? present.find((w) => w.accountId === ask.prefer) : undefined;
  if (preferred) return give(preferred.accountId, preferred.name, 'preferred');
  if (present.length > 0) {
    const perShare = (w: Worker) => (loads.get(w.accountId) ?? 0) / w.capacity;
    const least = Math.min(...present.map(perShare));
    const ranked = [...present].sort((a, b) => weight(ask.stickKey, b) - weight(ask.stickKey, a) || (a.accountId < b.accountId ? -1 : 1));
    const w = ranked.find((x) => perShare(x) <= least + slack)!;
    return give(w.accountId, w.name, 'team');
  }
  const leader = team.leader;
  if (leader && !excluded.has(leader.accountId) && !isAway(leader.accountId, ask.startsOn, absences)) return give(leader.accountId, leader.name, 'leader');
  return { assigneeId: null, assigneeName: null, by: 'nobody' };
}

/** Weighted rendezvous score of a worker for a key: -capacity / ln(u), u a hash of both in (0, 1). */
function weight(key: string, w: Worker): number {
  const u = (hash32(`${key}\u0000${w.accountId}`) + 0.5) / 4294967296;
  return -w.capacity / Math.log(u);
}

/** FNV-1a, 32 bits, finished with a murmur-style mix so near keys spread. */
function hash32(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
