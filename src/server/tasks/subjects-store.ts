import type { Tx } from '../platform/db/db.ts';
import type { TaskSubjectKind } from '../../shared/tasks.ts';

/* What a task or visit is about, read from the registry for a page of tasks at once (one query per kind). */

export interface SubjectRow {
  kind: TaskSubjectKind;
  id: string;
  name: string;
  address: string | null;
  household_id: string | null;
  /** tag codes: a resident's, or a household's members' (once each) */
  tags: string[];
  last_visited_on: string | null;
  /** where the subject is: the household's building (or the household's own point), the place's, the thing's … */
  lng: number | null;
  lat: number | null;
  grid_id: string;
  org_path: string;
  town_id: string;
}

const QUERIES: Record<TaskSubjectKind, string> = {
  resident: `select 'resident' as kind, r.id, r.name, h.address, r.household_id, r.tags, r.last_visited_on::text as last_visited_on,
      coalesce(b.lng, h.lng) as lng, coalesce(b.lat, h.lat) as lat, r.grid_id, r.org_path, r.town_id
    from registry_residents r left join registry_households h on h.id = r.household_id
    left join registry_buildings b on b.id = h.building_id where r.id = any($1::text[])`,
  household: `select 'household' as kind, h.id, h.address as name, h.address, h.id as household_id,
      coalesce((select array_agg(distinct x) from registry_residents m, unnest(m.tags) x where m.household_id = h.id and m.left_at is null), '{}') as tags,
      h.last_visited_on::text as last_visited_on, coalesce(b.lng, h.lng) as lng, coalesce(b.lat, h.lat) as lat, h.grid_id, h.org_path, h.town_id
    from registry_households h left join registry_buildings b on b.id = h.building_id where h.id = any($1::text[])`,
  place: `select 'place' as kind, p.id, p.name, p.address, null as household_id, '{}'::text[] as tags, p.last_visited_on::text as last_visited_on,
      p.lng, p.lat, p.grid_id, p.org_path, p.town_id from registry_places p where p.id = any($1::text[])`,
  building: `select 'building' as kind, b.id, b.name, b.address, null as household_id, '{}'::text[] as tags, null as last_visited_on,
      b.lng, b.lat, b.grid_id, b.org_path, b.town_id from registry_buildings b where b.id = any($1::text[])`,
  thing: `select 'thing' as kind, x.id, x.name, x.address, null as household_id, '{}'::text[] as tags, x.last_inspected_on::text as last_visited_on,
      x.lng, x.lat, x.grid_id, x.org_path, x.town_id from registry_things x where x.id = any($1::text[])`,
  case: `select 'case' as kind, c.id, c.number as name, c.address, null as household_id, '{}'::text[] as tags, null as last_visited_on,
      c.lng, c.lat, c.grid_id, c.org_path, c.town_id from cases c where c.id = any($1::text[])`,
  grid: `select 'grid' as kind, g.id, g.name, null as address, null as household_id, '{}'::text[] as tags, null as last_visited_on,
      null::double precision as lng, null::double precision as lat, g.id as grid_id, g.path as org_path,
      (select t.id from org_units t where t.level = 'town' and g.path like t.path || '%') as town_id
    from org_units g where g.id = any($1::text[])`,
  // a sensor to check (a deviceCheck task): where it is, and the household to open when it is bound to one
  device: `select 'device' as kind, d.id, d.name, d.address, case d.binding_kind when 'household' then d.binding_id end as household_id,
      '{}'::text[] as tags, null as last_visited_on, d.lng, d.lat, d.grid_id, d.org_path, d.town_id from devices d where d.id = any($1::text[])`,
};

export const subjectKey = (kind: string, id: string) => `${kind}:${id}`;

/** The subjects named, by `subjectKey`; one that does not exist (or no longer) is absent. */
export async function loadSubjects(tx: Tx, refs: readonly { kind: TaskSubjectKind; id: string }[]): Promise<Map<string, SubjectRow>> {
  const byKind = new Map<TaskSubjectKind, Set<string>>();
  for (const r of refs) {
    if (!byKind.has(r.kind)) byKind.set(r.kind, new Set());
    byKind.get(r.kind)!.add(r.id);
  }
  const out = new Map<string, SubjectRow>();
  await Promise.all([...byKind].map(async ([kind, ids]) => {
    const r = await tx.query<SubjectRow>(QUERIES[kind], [[...ids]]);
    for (const row of r.rows) out.set(subjectKey(kind, row.id), { ...row, lng: row.lng === null ? null : Number(row.lng), lat: row.lat === null ? null : Number(row.lat) });
  }));
  return out;
}
