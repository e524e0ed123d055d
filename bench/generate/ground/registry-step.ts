import type { Polygon } from 'geojson';
import type pg from 'pg';
import { seedId } from '../../../src/server/platform/seed/demo-town.ts';
import type { PiiCipher } from '../../../src/server/platform/pii-cipher.ts';
import { randomFor } from '../../../src/server/cases/demo/random.ts';
import { planEstate } from '../../../src/server/registry/demo/buildings-plan.ts';
import { grantSubsistence, type PeopleState } from '../../../src/server/registry/demo/households-plan.ts';
import { givenName, mobileNumber, surname } from '../../../src/server/registry/demo/people.ts';
import { SpotPicker } from '../../../src/server/registry/demo/spots.ts';
import { creditCode } from '../../../src/server/registry/demo/things-plan.ts';
import { spell } from '../../../src/server/registry/spelling.ts';
import { maskIdNumber, maskPhone } from '../../../src/domain/registry/mask.ts';
import type { PlaceKind, RiskLevel, ThingKind } from '../../../src/shared/registry.ts';
import { copyTogether, linesOf } from '../copy.ts';
import type { GenerateContext, GenerateStep } from '../context.ts';
import { withoutIndexes } from './tx.ts';

const REGISTRY_TABLES = ['registry_buildings', 'registry_households', 'registry_residents', 'registry_places', 'registry_things'];

/**
 * The registry 人房地物 of every grid, with the demo registry's own planners (src/server/registry/demo): an estate of
 * walk-ups or high-rises holding the grid's population (org_units.population) in households, their members with ages, ID numbers,
 * phones and key-population tags that agree, 低保 granted as there; then placesPerGrid places and riskPointsPerGrid
 * risk points. Personal data sealed, hashed and masked exactly as the registry's commands do (save-resident.ts). One
 * transaction per town (households point at their head, a deferred key), written with COPY.
 */

interface GridRow {
  id: string; code: string; path: string; town_id: string; name: string; geometry: Polygon; population: number;
}

/** people per household of the demo's household planner (households-plan.ts), measured: 2,926 people in 940 households */
export const PEOPLE_PER_HOUSEHOLD = 3.1;

const BUILDING_COLUMNS = ['id', 'town_id', 'grid_id', 'org_path', 'name', 'name_initials', 'address', 'lng', 'lat', 'units', 'floors',
  'rooms_per_floor', 'structure', 'built_year', 'created_at', 'updated_at'] as const;
const HOUSEHOLD_COLUMNS = ['id', 'town_id', 'grid_id', 'org_path', 'building_id', 'unit_no', 'floor_no', 'room_no', 'address', 'lng', 'lat',
  'head_resident_id', 'residence_kind', 'note', 'created_at', 'updated_at'] as const;
const RESIDENT_COLUMNS = ['id', 'town_id', 'grid_id', 'org_path', 'household_id', 'relation', 'name', 'name_pinyin', 'name_initials',
  'id_number', 'id_number_hash', 'id_number_masked', 'phone', 'phone_hash', 'phone_masked', 'gender', 'birth_date', 'tags', 'party_member',
  'note', 'created_at', 'updated_at'] as const;
const PLACE_COLUMNS = ['id', 'town_id', 'grid_id', 'org_path', 'kind', 'name', 'name_initials', 'address', 'lng', 'lat', 'building_id',
  'credit_code', 'contact_name', 'contact_phone', 'contact_phone_hash', 'contact_phone_masked', 'created_at', 'updated_at'] as const;
const THING_COLUMNS = ['id', 'town_id', 'grid_id', 'org_path', 'kind', 'name', 'name_initials', 'address', 'lng', 'lat', 'risk_level',
  'inspection_every_days', 'created_at', 'updated_at'] as const;

const ESTATE_WORDS = ['锦绣', '阳光', '幸福', '和平', '康居', '怡景', '翠苑', '金色', '南山', '滨江', '书香', '丽景', '花园', '融汇', '龙湖', '东方'];
const STREET_WORDS = ['建设', '人民', '解放', '胜利', '和平', '新华', '中山', '朝阳', '长江', '嘉陵', '民主', '文化', '友谊', '团结'];
const SHOPS: readonly [PlaceKind, string][] = [
  ['shop', '便民超市'], ['shop', '大药房'], ['shop', '小面馆'], ['shop', '五金店'], ['shop', '理发店'], ['shop', '快递驿站'],
  ['shop', '水果店'], ['shop', '火锅店'], ['enterprise', '物业管理有限公司'], ['enterprise', '商贸有限公司'], ['other', '老年活动中心'],
];
const RISKS: readonly [ThingKind, string, RiskLevel, number][] = [
  ['hydrant', '消火栓', 'low', 30], ['manhole', '井盖', 'low', 30], ['retainingWall', '堡坎', 'high', 7], ['slope', '边坡', 'high', 7],
  ['facade', '外立面', 'medium', 30], ['other', '电动车充电棚', 'medium', 30],
];

/** Spelling by name, once per distinct name: a city has far fewer names than people. */
class Speller {
  private readonly cache = new Map<string, { pinyin: string; initials: string }>();
  of(name: string) {
    let s = this.cache.get(name);
    if (!s) {
      s = spell(name);
      if (this.cache.size < 200_000) this.cache.set(name, s);
    }
    return s;
  }
}

interface TownRows {
  buildings: unknown[][]; households: unknown[][]; residents: unknown[][]; places: unknown[][]; things: unknown[][];
}

/** The rows of one grid's registry. */
function gridRegistry(ctx: GenerateContext, g: GridRow, people: PeopleState, pii: PiiCipher, speller: Speller, at: Date, out: TownRows): void {
  const random = randomFor(ctx.seed, `registry:${g.code}`);
  const r = random.fork('people');
  const spots = new SpotPicker(random.fork('spots'), g.geometry);
  const street = `${r.pick(STREET_WORDS)}路`;
  // the planner's households hold 3.1 people on average (an ageing city's mix of old people alone and three generations)
  const households = Math.round(g.population / PEOPLE_PER_HOUSEHOLD);
  const estate = { name: `${r.pick(ESTATE_WORDS)}${g.code.slice(-3)}苑`, address: `${street}${r.int(1, 300)}号`, kind: r.chance(0.5) ? 'old' as const : 'new' as const, households };
  const buildings = households > 0 ? planEstate(r, people, spots, estate) : [];
  grantSubsistence(r, buildings.flatMap((b) => b.flats.map((f) => f.household)));
  const base = { town: g.town_id, grid: g.id, path: g.path };
  const sealPhone = (phone: string | null) => (phone ? [pii.encrypt(phone), pii.lookupHash(phone), maskPhone(phone)] : [null, null, null]);
  const buildingIds = buildings.map((b) => seedId('building', `${g.code}:${b.key}`));
  buildings.forEach((b, bi) => {
    const buildingId = buildingIds[bi]!;
    out.buildings.push([buildingId, base.town, base.grid, base.path, b.name, speller.of(b.name).initials, b.address, b.location.lng, b.location.lat,
      b.units, b.floors, b.roomsPerFloor, b.structure, b.builtYear, at, at]);
    for (const f of b.flats) {
      const householdId = seedId('household', `${g.code}:${b.key}:${f.unitNo}:${f.roomNo}`);
      const residentIds = f.household.members.map((_, k) => seedId('resident', `${householdId}:${k}`));
      out.households.push([householdId, base.town, base.grid, base.path, buildingId, f.unitNo, f.floorNo, f.roomNo,
        [b.address, `${f.unitNo}单元`, `${f.roomNo}室`].join(' '), b.location.lng, b.location.lat, residentIds[0], f.household.residenceKind,
        f.household.note, at, at]);
      f.household.members.forEach((m, k) => {
        const spelled = speller.of(m.name);
        out.residents.push([residentIds[k], base.town, base.grid, base.path, householdId, m.relation, m.name, spelled.pinyin, spelled.initials,
          pii.encrypt(m.idNumber), pii.lookupHash(m.idNumber), maskIdNumber(m.idNumber), ...sealPhone(m.phone), m.gender, m.birthDate, m.tags,
          m.partyMember, m.note, at, at]);
      });
    }
  });
  const pr = random.fork('places');
  for (let i = 0; i < ctx.scale.placesPerGrid; i++) {
    const [kind, what] = pr.pick(SHOPS);
    const b = buildings.length > 0 ? buildings[i % buildings.length]! : null;
    const location = b ? spots.near(b.location, 12) : spots.pick(30);
    const name = `${estate.name.slice(0, 2)}${what}${i + 1 > 1 ? `${i + 1}号店` : ''}`;
    const contactName = surname(pr) + givenName(pr, pr.chance(0.5) ? 'male' : 'female', pr.int(1965, 1995));
    const phone = mobileNumber(pr, people.phones);
    out.places.push([seedId('place', `${g.code}:${i}`), base.town, base.grid, base.path, kind, name, speller.of(name).initials,
      b ? `${b.address}底商` : `${street}${pr.int(1, 300)}号`, location.lng, location.lat, b ? buildingIds[i % buildings.length] : null,
      kind === 'other' ? null : creditCode(pr, kind === 'enterprise' ? '91' : '92', g.code.slice(0, 6)), contactName, ...sealPhone(phone), at, at]);
  }
  const tr = random.fork('things');
  for (let i = 0; i < ctx.scale.riskPointsPerGrid; i++) {
    const [kind, what, risk, every] = tr.pick(RISKS);
    const b = buildings.length > 0 ? buildings[(i * 2) % buildings.length]! : null;
    const location = b ? spots.near(b.location, 20) : spots.pick(30);
    const name = `${b ? b.name : estate.name}旁${what}${i + 1}号`;
    out.things.push([seedId('thing', `${g.code}:${i}`), base.town, base.grid, base.path, kind, name, speller.of(name).initials,
      b ? `${b.address}旁` : street, location.lng, location.lat, risk, every, at, at]);
  }
}


export function registryStep(o: { pii: () => PiiCipher }): GenerateStep {
  return {
    name: 'registry (people, households, buildings, places, risk points)',
    async run(ctx) {
      const pii = o.pii();
      const at = new Date(ctx.now.getTime() - 60 * 86_400_000);
      const today = new Date(ctx.now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
      // one set of ID numbers and phones for the whole city: the registry refuses a second person with the same number
      const people: PeopleState = { ids: new Set(), phones: new Set(), today };
      const speller = new Speller();
      const towns = (await ctx.pool.query<{ id: string }>(`select id from org_units where level = 'town' order by code`)).rows;
      const planned = (await ctx.pool.query<{ n: number }>(`select coalesce(sum(population), 0)::int as n from org_units where level in ('grid', 'dedicatedGrid')`)).rows[0]!.n;
      let residents = 0;
      await withoutIndexes(ctx.pool, REGISTRY_TABLES, async () => {
        for (const t of towns) {
          const grids = (await ctx.pool.query<GridRow>(
            `select g.id, g.code, g.path, $1::text as town_id, g.name, g.geometry, coalesce(g.population, 0) as population
               from org_units g join org_units c on c.id = g.parent_id
              where c.parent_id = $1 and g.level = 'grid' order by g.code`, [t.id])).rows;
          const out: TownRows = { buildings: [], households: [], residents: [], places: [], things: [] };
          for (const g of grids) gridRegistry(ctx, g, people, pii, speller, at, out);
          const part = (table: string, columns: readonly string[], rows: unknown[][]) => ({ table, columns, lines: linesOf(rows) });
          // the households' deferred key to their head is checked at commit, when the residents are in
          const n = await copyTogether(ctx.pool, [
            part('registry_buildings', BUILDING_COLUMNS, out.buildings), part('registry_households', HOUSEHOLD_COLUMNS, out.households),
            part('registry_residents', RESIDENT_COLUMNS, out.residents), part('registry_places', PLACE_COLUMNS, out.places),
            part('registry_things', THING_COLUMNS, out.things),
          ]);
          ctx.countRows?.(n);
          residents += out.residents.length;
          ctx.progress('residents', residents, Math.max(planned, residents));
        }
      }, ctx.log);
      ctx.log(`  ${residents.toLocaleString('en-US')} residents (${planned.toLocaleString('en-US')} planned)`);
    },
  };
}

