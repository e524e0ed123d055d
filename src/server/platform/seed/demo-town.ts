import { createHash } from 'node:crypto';
import type { Polygon } from 'geojson';
import type { OrgLevel, TeamRole } from '../../../shared/org-levels.ts';
import { makeLattice } from './lattice.ts';

/** The demo district as plain data: deterministic, so every fresh start shows the same town. */

export interface SeedUnit {
  id: string;
  parentId: string | null;
  path: string;
  level: OrgLevel;
  kind: string | null;
  code: string;
  name: string;
  geometry: Polygon | null;
  population: number | null;
  households: number | null;
  sort: number;
}

export interface SeedTeamMember {
  gridId: string;
  teamRole: TeamRole;
  name: string;
  phone: string;
  sort: number;
  username?: string;
}

export function seedId(kind: string, key: string): string {
  const h = createHash('sha1').update(`${kind}:${key}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢傅';
const GIVEN = ['伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀英', '霞', '平', '刚', '桂英', '建华', '晓燕', '红梅', '志强', '海燕', '玉兰', '德明', '小红'];

export function personName(n: number): string {
  return SURNAMES[(n * 7) % SURNAMES.length]! + GIVEN[(n * 13 + Math.floor(n / SURNAMES.length)) % GIVEN.length]!;
}

export function phoneNumber(n: number): string {
  return `1${[3, 5, 7, 8][n % 4]}${String(100000000 + ((n * 7919) % 899999999)).slice(0, 9)}`;
}

const URBAN_COMMUNITIES = ['春晖社区', '锦霞社区', '翠湖社区', '新山村社区', '松青社区', '钢花社区', '柏树堡社区', '跃进村社区', '双山社区', '茄子溪社区'];
const RURAL_VILLAGES = ['青杠村', '石林村', '金鳌村', '双河村', '龙泉村', '白果村'];
const DEDICATED = [
  { community: 0, cell: 5, kind: 'school', name: '春晖路小学专属网格' },
  { community: 2, cell: 4, kind: 'park', name: '翠湖公园专属网格' },
  { community: 3, cell: 7, kind: 'hospital', name: '区人民医院专属网格' },
  { community: 5, cell: 1, kind: 'school', name: '钢花中学专属网格' },
  { community: 6, cell: 10, kind: 'market', name: '柏树堡农贸市场专属网格' },
  { community: 8, cell: 6, kind: 'park', name: '双山公园专属网格' },
  { community: 9, cell: 3, kind: 'hospital', name: '茄子溪社区卫生服务中心专属网格' },
];

export interface DemoDistrict {
  units: SeedUnit[];
  team: SeedTeamMember[];
  cityId: string;
  districtId: string;
  urbanTownId: string;
  ruralTownId: string;
  demoGridId: string;
  demoCommunityId: string;
}

export function buildDemoDistrict(): DemoDistrict {
  const units: SeedUnit[] = [];
  const team: SeedTeamMember[] = [];
  let person = 0;
  const add = (parent: SeedUnit | null, u: Omit<SeedUnit, 'id' | 'parentId' | 'path'>): SeedUnit => {
    const id = seedId('org', u.code);
    const unit: SeedUnit = { ...u, id, parentId: parent?.id ?? null, path: `${parent?.path ?? '/'}${id}/` };
    units.push(unit);
    return unit;
  };
  const city = add(null, { level: 'city', kind: null, code: '500000000000', name: '重庆市', geometry: null, population: null, households: null, sort: 0 });
  const district = add(city, { level: 'district', kind: null, code: '500199000000', name: '示范区', geometry: null, population: null, households: null, sort: 0 });

  const buildTown = (o: {
    code: string; name: string; names: string[]; originLng: number; originLat: number; blocksX: number; blocksY: number;
    cellsX: number; cellsY: number; cellLng: number; cellLat: number; seed: number; popBase: number; villages: boolean;
  }) => {
    const lattice = makeLattice({
      originLng: o.originLng, originLat: o.originLat, cols: o.blocksX * o.cellsX, rows: o.blocksY * o.cellsY,
      cellLng: o.cellLng, cellLat: o.cellLat, seed: o.seed,
    });
    const town = add(district, {
      level: 'town', kind: null, code: o.code, name: o.name, geometry: lattice.block(0, 0, lattice.cols, lattice.rows),
      population: 0, households: 0, sort: 0,
    });
    o.names.forEach((communityName, c) => {
      const bx = c % o.blocksX, by = Math.floor(c / o.blocksX);
      const i0 = bx * o.cellsX, j0 = by * o.cellsY;
      const communityCode = `${o.code.slice(0, 9)}${String((o.villages ? 200 : 0) + c + 1).padStart(3, '0')}`;
      const community = add(town, {
        level: 'community', kind: o.villages ? 'village' : 'community', code: communityCode, name: communityName,
        geometry: lattice.block(i0, j0, i0 + o.cellsX, j0 + o.cellsY), population: 0, households: 0, sort: c,
      });
      const secretary = personName(person++);
      const instructor = personName(person++);
      let gridNo = 0;
      for (let k = 0; k < o.cellsX * o.cellsY; k++) {
        const i = i0 + (k % o.cellsX), j = j0 + Math.floor(k / o.cellsX);
        const dedicated = o.villages ? undefined : DEDICATED.find((d) => d.community === c && d.cell === k);
        const population = dedicated ? 0 : o.popBase + Math.round(((k * 37 + c * 91) % 400) * (o.villages ? 0.5 : 1));
        const code = dedicated ? `${communityCode}${900 + k}` : `${communityCode}${String(++gridNo).padStart(3, '0')}`;
        const grid = add(community, {
          level: dedicated ? 'dedicatedGrid' : 'grid', kind: dedicated?.kind ?? null, code,
          name: dedicated?.name ?? `${communityName}第${gridNo}网格`, geometry: lattice.cell(i, j),
          population, households: Math.round(population / 2.6), sort: k,
        });
        community.population! += population;
        community.households! += grid.households!;
        const members: [TeamRole, string][] = [
          ['gridLeader', secretary], ['fullTime', personName(person++)], ['partTime', personName(person++)],
          ['instructor', instructor], ['volunteer', personName(person++)], ['volunteer', personName(person++)],
        ];
        members.forEach(([teamRole, name], sort) => team.push({ gridId: grid.id, teamRole, name, phone: phoneNumber(person * 10 + sort), sort }));
        if (dedicated) continue;
        const microCount = o.villages ? 4 : 6;
        for (let m = 1; m <= microCount; m++) {
          add(grid, {
            level: 'microGrid', kind: null, code: `${code}${String(m).padStart(2, '0')}`, name: `${gridNo}-${m}微网格`,
            geometry: null, population: Math.round(population / microCount), households: Math.round(population / microCount / 2.6), sort: m,
          });
        }
      }
      town.population! += community.population!;
      town.households! += community.households!;
    });
    return town;
  };

  const urban = buildTown({
    code: '500199001000', name: '春晖路街道', names: URBAN_COMMUNITIES, originLng: 106.478, originLat: 29.458,
    blocksX: 5, blocksY: 2, cellsX: 3, cellsY: 4, cellLng: 0.0034, cellLat: 0.0052, seed: 141, popBase: 950, villages: false,
  });
  const rural = buildTown({
    code: '500199101000', name: '青杠镇', names: RURAL_VILLAGES, originLng: 106.536, originLat: 29.452,
    blocksX: 3, blocksY: 2, cellsX: 3, cellsY: 2, cellLng: 0.0085, cellLat: 0.011, seed: 7, popBase: 420, villages: true,
  });
  const demoGrid = units.find((u) => u.code === '500199001001001')!;
  return {
    units, team, cityId: city.id, districtId: district.id, urbanTownId: urban.id, ruralTownId: rural.id,
    demoGridId: demoGrid.id, demoCommunityId: demoGrid.parentId!,
  };
}
