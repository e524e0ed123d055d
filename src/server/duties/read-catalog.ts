import type { Tx } from '../platform/db/db.ts';
import type { DutyLevel } from '../../shared/duties.ts';
import { catalogBurden, type LevelBurden } from '../../domain/duties/burden.ts';
import { catalogTrend, countsAt, type DatedItem } from '../../domain/duties/trend.ts';
import { requestLevels } from '../../domain/duties/admission.ts';
import { findTownOfUnit, type TownRow } from '../org/town-store.ts';
import { editsTown, townsOf, type DutyActor } from './duty-reach.ts';
import * as store from './store.ts';
import * as p from './presenters.ts';
import type * as s from './schemas.ts';

/* Reads of the catalogs: a town's items with their counts, trend and burden; its admissions with what each would add. */

const dated = (i: store.ItemRow): DatedItem => ({ level: i.level, listType: i.list_type, createdAt: new Date(i.created_at), retiredAt: i.retired_at === null ? null : new Date(i.retired_at) });

/** The burden of each level from the town's current items and registry. */
export async function townBurden(tx: Tx, town: TownRow, items?: store.ItemRow[]): Promise<Record<DutyLevel, LevelBurden>> {
  const all = items ?? await store.listTownItems(tx, town.id);
  const active = all.filter((i) => i.retired_at === null)
    .map((i) => ({ level: i.level, listType: i.list_type, visitsPerMonth: Number(i.visits_per_month), minutesPerVisit: i.minutes_per_visit }));
  return catalogBurden(active, await store.registryCounts(tx, town));
}

/** What the caller may ask for and do at the town's catalogs. */
export function catalogPolicies(a: DutyActor, town: TownRow): s.CatalogT['policies'] {
  const policies: s.CatalogT['policies'] = [];
  if (a.requester && requestLevels(a.scope.level).length > 0) policies.push('requestAdmission');
  if (editsTown(a, town)) policies.push('decideAdmissions', 'editItems', 'editStandingDuties');
  return policies;
}

export async function readCatalog(tx: Tx, a: DutyActor, town: TownRow, q: { level?: DutyLevel | undefined; retired?: boolean | undefined }): Promise<s.CatalogT> {
  const items = await store.listTownItems(tx, town.id);
  const edits = editsTown(a, town);
  return {
    town: { id: town.id, name: town.name },
    towns: (await townsOf(tx, a)).map((x) => ({ id: x.id, name: x.name })),
    level: q.level ?? null,
    items: items.filter((i) => (q.level === undefined || i.level === q.level) && (q.retired === true || i.retired_at === null)).map((i) => p.presentItem(i, edits)),
    counts: countsAt(items.map(dated), a.now),
    trend: catalogTrend(items.map(dated), a.now),
    burden: p.presentBurden(await townBurden(tx, town, items)),
    requestLevels: a.requester ? requestLevels(a.scope.level) : [],
    policies: catalogPolicies(a, town),
  };
}

export async function readAdmissions(tx: Tx, a: DutyActor, town: TownRow, status: s.AdmissionViewT['status'] | undefined): Promise<s.AdmissionListT> {
  const burden = await townBurden(tx, town);
  const rows = await store.listAdmissions(tx, town.id, status);
  const decides = editsTown(a, town);
  return {
    town: { id: town.id, name: town.name },
    towns: (await townsOf(tx, a)).map((x) => ({ id: x.id, name: x.name })),
    items: rows.map((r) => p.presentAdmission(r, burden, decides)),
    counts: await store.countAdmissions(tx, town.id),
    burden: p.presentBurden(burden),
    requestLevels: a.requester ? requestLevels(a.scope.level) : [],
    policies: a.requester && requestLevels(a.scope.level).length > 0 ? ['create'] : [],
  };
}

/** One admission as the caller sees it (404 when its town is outside the caller's reach). */
export async function readAdmission(tx: Tx, a: DutyActor, id: string): Promise<s.AdmissionViewT | null> {
  const row = await store.findAdmission(tx, id);
  if (!row) return null;
  const town = (await findTownOfUnit(tx, row.town_id))!;
  if (!town.path.startsWith(a.scope.path) && !a.scope.path.startsWith(town.path)) return null;
  return p.presentAdmission(row, await townBurden(tx, town), editsTown(a, town));
}
