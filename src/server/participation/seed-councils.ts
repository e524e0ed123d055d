import type { Tx } from '../platform/db/db.ts';

/**
 * One council per grid, community and town of the org tree (called by seedDemo, so every test app has them): a grid's
 * 邻里会 led by its 党小组, a community's 评议会 by its 党委, a town's 联席会 by its 党工委. Units that already have one keep
 * it; units added later get theirs from councilOfUnit on first use.
 */
export async function seedCouncils(tx: Tx, now: Date): Promise<void> {
  await tx.query(
    `insert into councils (org_unit_id, org_path, level, name, party_org, created_at, updated_at)
     select u.id, u.path, u.level,
            u.name || case u.level when 'grid' then '邻里会' when 'community' then '评议会' else '联席会' end,
            u.name || case u.level when 'grid' then '党小组' when 'community' then '党委' else '党工委' end,
            $1, $1
       from org_units u
      where u.level in ('grid', 'community', 'town')
     on conflict (org_unit_id) do nothing`,
    [now]);
}
