import type { DemoContext } from '../../platform/capability.ts';
import { PiiCipher, isSealed, loadPiiKey } from '../../platform/pii-cipher.ts';
import { idNumberCheckDigit } from '../../../domain/registry/id-number.ts';
import { createResident } from '../../registry/save-resident.ts';
import { listTagCatalog } from '../../registry/tags-store.ts';
import { reachOfAccount } from '../../registry/demo/demo-step.ts';
import { findDemoAccount } from '../../registry/demo/demo-store.ts';
import { personOfAccount } from '../person.ts';

/** 周淑芬's ID number: born 14 March 1958 in 渝中区 (the 17th digit even: a woman). */
const first17 = '50010319580314286';
export const DEMO_RESIDENT_ID_NUMBER = first17 + idNumberCheckDigit(first17);

/**
 * The demo resident (周淑芬, account `resident`) as a person of the registry, so her supports, votes, points and sign-ups
 * rest on her person like everyone's: the grid worker registers her, with her account's phone, in a household of 春晖苑
 * in his grid (she lives with her son's family), a few weeks before the end of the history. Needs the registry's demo.
 */
export async function ensureDemoResident(ctx: DemoContext): Promise<string | null> {
  const pii = new PiiCipher(loadPiiKey(ctx.config.dataDir));
  return ctx.db.transaction(async (tx) => {
    const account = await tx.query<{ id: string; name: string; phone: string | null; home_org_unit_id: string | null }>(
      `select id, name, phone, home_org_unit_id from accounts where username = 'resident'`);
    const resident = account.rows[0];
    if (!resident?.phone || !resident.home_org_unit_id) return null;
    if (await personOfAccount(tx, pii, resident.id)) return null;
    const household = await tx.query<{ id: string; town_id: string }>(
      `select h.id, h.town_id from registry_households h
        where h.grid_id = $1 and h.retired_at is null and h.address like '%春晖苑%'
          and (select count(*) from registry_residents r where r.household_id = h.id and r.left_at is null) between 2 and 3
        order by h.address limit 1`, [resident.home_org_unit_id]);
    const gridworker = await findDemoAccount(tx, 'gridworker');
    if (!household.rows[0] || !gridworker) return null;
    const phone = isSealed(resident.phone) ? pii.tryDecrypt(resident.phone) : resident.phone;
    if (!phone) return null;
    const at = new Date(ctx.now.getTime() - 40 * 24 * 3_600_000);
    await createResident(tx, pii, { reach: reachOfAccount(gridworker), ip: '127.0.0.1', now: at }, await listTagCatalog(tx, household.rows[0].town_id), {
      name: resident.name, idNumber: DEMO_RESIDENT_ID_NUMBER, phone, householdId: household.rows[0].id, relation: 'parent', tags: [],
    });
    return `the demo resident ${resident.name} in the registry of her grid`;
  });
}
