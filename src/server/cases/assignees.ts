import type { Tx } from '../platform/db/db.ts';
import type { Assignee } from '../../domain/cases/case-state.ts';
import type { RouteTarget } from '../../domain/matters/routing.ts';
import { targetLookup } from '../../domain/matters/target-lookup.ts';
import { staffIneligibility } from '../../domain/cases/assignee-eligibility.ts';
import { AppError } from '../platform/errors.ts';
import { listUploadedHashes } from '../files/store.ts';
import { gridWorkerOf } from '../../domain/org/team.ts';
import { findStaffCandidates } from '../org/staff-candidates-store.ts';
import { findRoutedAssignee, gridPath, gridTeamAccounts, servesTown } from './assignee-store.ts';

/**
 * The grid's worker by the team rule (`gridWorkerOf`): the first member, by rank and team order, whose account may be
 * sent the grid's cases; a disabled account, or one whose territory does not hold the grid, is passed over.
 */
export async function gridWorkerFor(tx: Tx, gridId: string, path: string): Promise<string | null> {
  const team = await gridTeamAccounts(tx, gridId);
  const candidates = await findStaffCandidates(tx, team.flatMap((m) => (m.accountId ? [m.accountId] : [])));
  return gridWorkerOf(team, candidates, path);
}

/** Turns a routing target into the post, department or grid worker of this town; null for the community tier (its staff triage). */
export async function resolveTarget(tx: Tx, target: RouteTarget, townId: string, gridId: string): Promise<Assignee | null> {
  if (target === null) return null;
  const lookup = targetLookup(target);
  const path = lookup.gridWorker ? await gridPath(tx, gridId) : null;
  return findRoutedAssignee(tx, townId, gridId, lookup, path === null ? null : await gridWorkerFor(tx, gridId, path));
}

const assigneeRefused = (reason: string) => new AppError('ASSIGNEE_UNKNOWN',
  'The chosen assignee is not a post, department or staff member that handles cases here.', '所选派遣对象不存在，或不负责本辖区的案件。', { reason });

/**
 * Refuses an assignee that may not handle cases of this grid: a post of another town, a department of another district,
 * or a staff member who is not an active case handler of this jurisdiction (admins, leaders and auditors never are).
 */
export async function checkAssignee(tx: Tx, a: Assignee, c: { townId: string; orgPath: string }): Promise<void> {
  if ('staffId' in a) {
    const candidate = (await findStaffCandidates(tx, [a.staffId])).get(a.staffId);
    const why = candidate ? staffIneligibility(candidate, c.orgPath) : 'unknown';
    if (why !== null) throw assigneeRefused(why);
    return;
  }
  if (!(await servesTown(tx, a, c.townId))) throw assigneeRefused('unknown');
}

export const photosUnknown = (missing: readonly string[]) =>
  new AppError('PHOTO_UNKNOWN', 'Upload the photos first (POST /api/files), then pass their hashes.', '请先上传照片，再提交照片编号。', { missing });

export async function checkPhotos(tx: Tx, hashes: readonly string[]): Promise<void> {
  if (hashes.length === 0) return;
  const known = new Set(await listUploadedHashes(tx, hashes));
  const missing = hashes.filter((h) => !known.has(h));
  if (missing.length > 0) throw photosUnknown(missing);
}
