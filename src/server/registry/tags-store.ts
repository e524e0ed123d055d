import type { Tx } from '../platform/db/db.ts';
import type { TagDefinition } from '../../domain/registry/tags.ts';

/* The key-population tag catalog: the platform's rows (town_id null) and a town's own visit frequencies. */

/** Adds the platform's tags that are not there yet; an existing row (and a town's override) is left as it is. */
export async function seedPlatformTags(tx: Tx, tags: readonly TagDefinition[]): Promise<void> {
  await tx.query(
    `insert into registry_tags (code, town_id, name, name_en, tag_group, sensitive, visit_every_days, sort)
     select code, null, name, "nameEn", "group", sensitive, "visitEveryDays", sort
       from jsonb_to_recordset($1::jsonb) as x(code text, name text, "nameEn" text, "group" text, sensitive boolean, "visitEveryDays" int, sort int)
     on conflict do nothing`,
    [JSON.stringify(tags.map((t, sort) => ({ ...t, sort })))]);
}

export interface TagRow extends TagDefinition { sort: number; townOverride: boolean }

/** The catalog as a town sees it: the platform's rows with the town's visit frequencies laid over. */
export async function listTagCatalog(tx: Tx, townId: string | null): Promise<TagRow[]> {
  const r = await tx.query<{ code: string; name: string; name_en: string; tag_group: string; sensitive: boolean; visit_every_days: number | null; sort: number; town_override: boolean }>(
    `select p.code, p.name, p.name_en, p.tag_group, p.sensitive, coalesce(t.visit_every_days, p.visit_every_days) as visit_every_days,
            p.sort, t.code is not null as town_override
       from registry_tags p left join registry_tags t on t.code = p.code and t.town_id = $1
      where p.town_id is null order by p.sort, p.code`, [townId]);
  return r.rows.map((x) => ({
    code: x.code, name: x.name, nameEn: x.name_en, group: x.tag_group, sensitive: x.sensitive,
    visitEveryDays: x.visit_every_days, sort: x.sort, townOverride: x.town_override,
  }));
}
