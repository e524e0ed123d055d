import type { Polygon } from 'geojson';
import { seedId } from '../../../src/server/platform/seed/demo-town.ts';
import { seedDepartments, seedMatters } from '../../../src/server/matters/seed-catalog.ts';
import { seedDisputeClasses } from '../../../src/server/disputes/seed-catalog.ts';
import { seedEnforcementCatalog } from '../../../src/server/enforcement/seed-catalog.ts';
import { seedReportForms } from '../../../src/server/reports/seed-report-forms.ts';
import { seedCouncils } from '../../../src/server/participation/seed-councils.ts';
import { seedIndicators } from '../../../src/server/indicators/seed-indicators.ts';
import { seedStartingCatalog, type StartingItem } from '../../../src/server/duties/seed-catalog.ts';
import { readFileSync } from 'node:fs';
import { seedPlatformTags } from '../../../src/server/registry/tags-store.ts';
import { POPULATION_TAGS } from '../../../src/domain/registry/tags.ts';
import type { GenerateContext, GenerateStep } from '../context.ts';
import { layoutCity, outline, snakeCell } from './layout.ts';
import { DEDICATED_KINDS, communityName, districtOf, townName } from './names.ts';
import { inTransaction } from './tx.ts';
import { PEOPLE_PER_HOUSEHOLD } from './registry-step.ts';

interface UnitRow {
  id: string; parent_id: string | null; path: string; level: string; kind: string | null; code: string; name: string;
  geometry: Polygon | null; population: number | null; households: number | null; sort: number;
}

const UNIT_COLUMNS = ['id', 'parent_id', 'path', 'level', 'kind', 'code', 'name', 'geometry', 'population', 'households', 'sort', 'created_at', 'updated_at'] as const;

/**
 * The org tree: the city, its districts (统计用区划代码 of Chongqing's 38), towns (5001xxTTT000), communities
 * (5001xxTTTCCC) and grids (+ a 3-digit number; dedicated grids 9xx), every grid one lattice cell; then the catalogs
 * the app's own seed writes (departments per district, each town's Matters and duty catalog, dispute classes, the
 * city's enforcement matters, councils, indicators, report forms, the key-population tags), through the app's seed
 * functions.
 */
export function buildUnits(ctx: Pick<GenerateContext, 'scale' | 'random'>): UnitRow[] {
  const { scale } = ctx;
  const layout = layoutCity(scale);
  const r = ctx.random('org:population');
  const units: UnitRow[] = [];
  const add = (parent: UnitRow | null, u: Omit<UnitRow, 'id' | 'parent_id' | 'path'>): UnitRow => {
    const id = seedId('org', u.code);
    const row = { ...u, id, parent_id: parent?.id ?? null, path: `${parent?.path ?? '/'}${id}/` };
    units.push(row);
    return row;
  };
  const city = add(null, { level: 'city', kind: null, code: '500000000000', name: '重庆市', geometry: null, population: 0, households: 0, sort: 0 });
  const districts: UnitRow[] = [];
  for (let d = 0; d < scale.districts; d++) {
    const { code6, name } = districtOf(d);
    districts.push(add(city, { level: 'district', kind: null, code: `${code6}000000`, name, geometry: null, population: 0, households: 0, sort: d }));
  }
  const G = Math.max(1, scale.gridsPerCommunity);
  const C = Math.max(1, scale.communitiesPerTown);
  for (const place of layout.towns) {
    const district = districts[place.district]!;
    const townCode = `${district.code.slice(0, 6)}${String(place.town + 1).padStart(3, '0')}000`;
    const village = place.town % 3 === 2;
    const town = add(district, {
      level: 'town', kind: null, code: townCode, name: townName(place.district, place.town),
      geometry: layout.lattice.block(place.i0, place.j0, place.i0 + layout.town.cols, place.j0 + layout.town.rows),
      population: 0, households: 0, sort: place.town,
    });
    for (let c = 0; c < C; c++) {
      // the last community takes the cells a town's rectangle has beyond C × G, as dedicated grids
      const last = c === C - 1 ? layout.cellsPerTown : (c + 1) * G;
      const cells = [];
      for (let k = c * G; k < last; k++) cells.push(snakeCell(place, layout.town, k));
      const communityCode = `${townCode.slice(0, 9)}${String((village ? 200 : 0) + c + 1).padStart(3, '0')}`;
      const community = add(town, {
        level: 'community', kind: village ? 'village' : 'community', code: communityCode,
        name: communityName(place.district, place.town, c, village), geometry: outline(layout.lattice, cells),
        population: 0, households: 0, sort: c,
      });
      let gridNo = 0;
      cells.forEach(([i, j], k) => {
        // a dedicated grid (a school, a park, a hospital, a market) in every third community, and the cells beyond C × G
        const dedicated = (k === G - 1 && c % 3 === 1) || k >= G ? DEDICATED_KINDS[(place.town + c + k) % DEDICATED_KINDS.length]! : null;
        const population = dedicated ? 0 : Math.round(scale.residentsPerGrid * (0.7 + 0.6 * r()));
        const households = Math.round(population / PEOPLE_PER_HOUSEHOLD);
        add(community, {
          level: dedicated ? 'dedicatedGrid' : 'grid', kind: dedicated?.kind ?? null,
          code: dedicated ? `${communityCode}${900 + k}` : `${communityCode}${String(++gridNo).padStart(3, '0')}`,
          name: dedicated ? `${community.name}${dedicated.name}专属网格` : `${community.name}第${gridNo}网格`,
          geometry: layout.lattice.cell(i, j), population, households, sort: k,
        });
        for (const u of [community, town, district, city]) {
          u.population! += population;
          u.households! += households;
        }
      });
    }
  }
  return units;
}

function dutyCatalog(): StartingItem[] {
  return (JSON.parse(readFileSync(new URL('../../../src/server/platform/seed/catalogs/duty-catalog.json', import.meta.url), 'utf8')) as { items: StartingItem[] }).items;
}

export const orgStep: GenerateStep = {
  name: 'org tree and catalogs',
  async run(ctx) {
    const units = buildUnits(ctx);
    const at = new Date(ctx.now.getTime() - (ctx.scale.historyDays + 30) * 86_400_000);
    await ctx.copy('org_units', UNIT_COLUMNS, units.map((u) => [
      u.id, u.parent_id, u.path, u.level, u.kind, u.code, u.name, u.geometry, u.population, u.households, u.sort, at, at,
    ]));
    ctx.log(`  ${units.length.toLocaleString('en-US')} org units (${units.filter((u) => u.level === 'grid' || u.level === 'dedicatedGrid').length.toLocaleString('en-US')} grids)`);
    const city = units[0]!;
    const districts = units.filter((u) => u.level === 'district');
    const towns = units.filter((u) => u.level === 'town');
    await inTransaction(ctx.pool, async (tx) => {
      // every node's locator rebuilds when the revision moves
      await tx.query('update org_geometry_revision set revision = revision + 1 where id = 1');
      for (const d of districts) await seedDepartments(tx, d.id);
      // ids the same on every run: department members, cases and duties point at them
      await tx.query(`update departments set id = md5('department:' || district_id || ':' || name)::uuid::text`);
      // the Matters of one town through the app's seed, then the same rows for every other town
      await seedMatters(tx, towns[0]!.id);
      const cols = (await tx.query<{ c: string }>(
        `select column_name as c from information_schema.columns
          where table_schema = 'public' and table_name = 'matters' and column_name not in ('id', 'town_id', 'created_at') order by ordinal_position`)).rows.map((x) => x.c);
      await tx.query('create temp table matter_template on commit drop as select * from matters where town_id = $1', [towns[0]!.id]);
      await tx.query('delete from matters where town_id = $1', [towns[0]!.id]);
      await tx.query(
        `insert into matters (id, town_id, created_at, ${cols.join(', ')})
         select md5('matter:' || t.id || ':' || m.code || ':' || m.version)::uuid::text, t.id, $2, ${cols.map((c) => `m.${c}`).join(', ')}
           from matter_template m cross join unnest($1::text[]) as t(id)`,
        [towns.map((t) => t.id), at]);
      const items = dutyCatalog();
      for (const t of towns) await seedStartingCatalog(tx, t.id, items, at);
      await seedDisputeClasses(tx, at);
      await seedEnforcementCatalog(tx, city.id, city.path, at);
      await seedCouncils(tx, at);
      await tx.query(`update councils set id = md5('council:' || org_unit_id)::uuid::text`);
      await seedIndicators(tx, at);
      await seedReportForms(tx, at);
      // the key-population tags, as the registry capability's set-up adds them
      await seedPlatformTags(tx, POPULATION_TAGS);
    });
  },
};
