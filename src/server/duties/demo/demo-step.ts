import { readFileSync } from 'node:fs';
import { demoSwitches, type DemoStep } from '../../platform/capability.ts';
import type { Db } from '../../platform/db/db.ts';
import { holdsAnyRole, type Role } from '../../../shared/roles.ts';
import type { OrgLevel } from '../../../shared/org-levels.ts';
import { ADMISSION_REQUESTERS, DUTY_EDITORS } from '../../../shared/duties.ts';
import { findTownByCode, type TownRow } from '../../org/town-store.ts';
import type { DutyActor } from '../duty-reach.ts';
import { seedStartingCatalog, type StartingItem } from '../seed-catalog.ts';
import { requestAdmission } from '../request-admission.ts';
import { decideAdmission } from '../decide-admission.ts';
import { retireItem } from '../edit-item.ts';
import { ADMISSION_HISTORY } from './admission-history.ts';

/** 春晖路街道, the demo town (the same as the case history's and the registry's). */
const DEMO_TOWN_CODE = '500199001000';
const DAY = 86_400_000;

interface CatalogFile { items: (StartingItem & { retire?: { monthsAgo: number; reason: string } })[] }

function startingCatalog(): CatalogFile {
  return JSON.parse(readFileSync(new URL('../../platform/seed/catalogs/duty-catalog.json', import.meta.url), 'utf8')) as CatalogFile;
}

/** The account as a signed-in session would present it to the catalog's commands, at an instant. */
async function actorOf(db: Db, username: string, now: Date): Promise<DutyActor | null> {
  const r = await db.query<{ id: string; username: string; name: string; roles: Role[]; unit_id: string; path: string; level: OrgLevel; unit_name: string; departments: string[] }>(
    `select a.id, a.username, a.name, a.roles, u.id as unit_id, u.path, u.level, u.name as unit_name,
            coalesce((select array_agg(d.name order by d.name) from department_members m join departments d on d.id = m.department_id where m.account_id = a.id), '{}') as departments
       from accounts a join org_units u on u.id = a.scope_org_unit_id where a.username = $1`, [username]);
  const a = r.rows[0];
  if (!a) return null;
  return {
    accountId: a.id, username: a.username, name: a.name, ip: '127.0.0.1', now,
    scope: { id: a.unit_id, path: a.path, level: a.level, name: a.unit_name },
    unitName: a.roles.includes('department') && a.departments.length > 0 ? a.departments.join('、') : a.unit_name,
    requester: holdsAnyRole(a.roles, ADMISSION_REQUESTERS), editor: holdsAnyRole(a.roles, DUTY_EDITORS),
  };
}

/** An instant `daysAgo` days before `now`, at `hour` o'clock in Shanghai. */
function dayAt(now: Date, daysAgo: number, hour: number): Date {
  const day = Math.floor((now.getTime() + 8 * 3600_000) / DAY) - daysAgo;
  return new Date(day * DAY - 8 * 3600_000 + hour * 3600_000);
}

/**
 * The demo town's catalogs: the starting catalog as it stood eleven months ago (the one thing not made by an admission),
 * the items taken out since (through the retire command, at their month), and ten weeks of admission requests from the
 * district's department, the community and the town's dispatcher, approved, refused or still pending, each through
 * the commands at its own instant — so the catalog's trend moves and the admission page has a history.
 */
export async function seedDemoCatalog(db: Db, now: Date): Promise<{ items: number; retired: number; admissions: number } | null> {
  const town: TownRow | null = await findTownByCode(db, DEMO_TOWN_CODE);
  if (!town) return null;
  const there = await db.query<{ n: number }>('select count(*)::int as n from duty_items where town_id = $1', [town.id]);
  if ((there.rows[0]?.n ?? 0) > 0) return null;
  const file = startingCatalog();
  const start = dayAt(now, 335, 9);
  await db.transaction((tx) => seedStartingCatalog(tx, town.id, file.items, start));
  const codes = new Map((await db.query<{ id: string; code: string; version: number }>('select id, code, version from duty_items where town_id = $1', [town.id])).rows.map((r) => [r.code, r]));
  let retired = 0;
  for (const item of file.items.filter((i) => i.retire)) {
    const leader = await actorOf(db, 'leader', dayAt(now, item.retire!.monthsAgo * 30, 15));
    const row = codes.get(item.code);
    if (!leader || !row) continue;
    await db.transaction((tx) => retireItem(tx, leader, row.id, row.version, item.retire!.reason));
    retired++;
  }
  let admissions = 0;
  for (const h of ADMISSION_HISTORY) {
    const requester = await actorOf(db, h.by, dayAt(now, h.daysAgo, 10));
    if (!requester) continue;
    const id = await db.transaction((tx) => requestAdmission(tx, requester, town, { level: h.level, item: h.item, reason: h.reason, burden: h.burden }, `demo:${h.item.name}`));
    admissions++;
    if (!h.decision) continue;
    const leader = await actorOf(db, 'leader', dayAt(now, h.daysAgo - h.decision.afterDays, 16));
    if (!leader) continue;
    await db.transaction((tx) => decideAdmission(tx, leader, id, h.decision!.verdict, h.decision!.note ?? null));
  }
  return { items: file.items.length, retired, admissions };
}

/** The duties capability's demo: the demo town's three catalogs and their admission history. */
export const demoCatalogStep: DemoStep = {
  name: 'demo duty catalogs',
  run: async ({ db, config, now }) => {
    if (!demoSwitches(config).history) return null;
    const made = await seedDemoCatalog(db, now);
    return made ? `春晖路街道's catalogs: ${made.items} starting items (${made.retired} taken out since), ${made.admissions} admission requests` : null;
  },
};

