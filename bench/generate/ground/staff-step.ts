import { readFileSync } from 'node:fs';
import type { Role } from '../../../src/shared/roles.ts';
import type { TeamRole } from '../../../src/shared/org-levels.ts';
import { hashPassword } from '../../../src/server/identity/password-hash.ts';
import { seedId } from '../../../src/server/platform/seed/demo-town.ts';
import type { PiiCipher } from '../../../src/server/platform/pii-cipher.ts';
import { Random, randomFor } from '../../../src/server/cases/demo/random.ts';
import { givenName, surname } from '../../../src/server/registry/demo/people.ts';
import type { GenerateContext, GenerateStep } from '../context.ts';
import { two } from './names.ts';
import { inTransaction } from './tx.ts';
import { enterEarlierYears } from './calendar-years.ts';

/**
 * Staff, posts and grid teams, as the app's demo seed makes them (src/server/platform/seed/seed-demo.ts), for every
 * unit: the city's admin, security administrator and auditor; per district an admin, a leader and one account per
 * department; per town a leader, a dispatcher and twelve handlers holding the command center's and the four boards'
 * posts (A and B); per community its staff; per grid gridWorkersPerGrid grid workers (1 or 2, the spec's average) in
 * the grid's team with its leader, instructor and a volunteer. One scrypt hash for every account; phones sealed.
 */

interface BoardsCatalog {
  commandCenter: { code: string; name: string; posts: { code: string; name: string; role?: string }[] };
  boards: { code: string; name: string; posts: { code: string; name: string }[] }[];
  specialPosts: { code: string; name: string; board: string }[];
}

function boardsCatalog(): BoardsCatalog {
  return JSON.parse(readFileSync(new URL('../../../src/server/platform/seed/catalogs/boards.json', import.meta.url), 'utf8')) as BoardsCatalog;
}

export const HANDLERS_PER_TOWN = 12;

const ACCOUNT_COLUMNS = ['id', 'username', 'name', 'kind', 'roles', 'scope_org_unit_id', 'phone', 'password_hash', 'created_at', 'updated_at'] as const;

interface Unit { id: string; code: string; path: string; level: string; parent_id: string | null; sort: number }

/** How many grid workers the k-th grid gets: 1 or 2, so that the first k grids have ⌊k × perGrid⌋ in all. */
export const workersOfGrid = (k: number, perGrid: number): number => Math.floor((k + 1) * perGrid + 1e-9) - Math.floor(k * perGrid + 1e-9);

function phoneOf(r: Random): string {
  return `1${r.pick(['33', '35', '38', '39', '58', '77', '80', '89', '99'])}${String(r.int(0, 99_999_999)).padStart(8, '0')}`;
}

function nameOf(r: Random): string {
  const gender = r.chance(0.5) ? 'male' as const : 'female' as const;
  return surname(r) + givenName(r, gender, r.int(1965, 1998));
}

export function staffStep(o: { password: string; pii: () => PiiCipher }): GenerateStep {
  return {
    name: 'staff, posts and grid teams',
    async run(ctx: GenerateContext) {
      const hash = await hashPassword(o.password);
      const pii = o.pii();
      const at = new Date(ctx.now.getTime() - (ctx.scale.historyDays + 30) * 86_400_000);
      const units = (await ctx.pool.query<Unit>(`select id, code, path, level, parent_id, sort from org_units order by code`)).rows;
      const byLevel = (level: string) => units.filter((u) => u.level === level);
      const city = byLevel('city')[0]!;
      const districts = byLevel('district');
      const towns = byLevel('town');
      const communities = byLevel('community');
      const grids = units.filter((u) => u.level === 'grid' || u.level === 'dedicatedGrid');
      const departments = (await ctx.pool.query<{ id: string; district_id: string; name: string }>('select id, district_id, name from departments order by district_id, name')).rows;
      const r = randomFor(ctx.seed, 'staff');

      // usernames by the unit's place in its parent: d01, t0101, then the units' own codes below the town
      const districtNo = new Map(districts.map((d, i) => [d.id, two(i)]));
      const townNo = new Map<string, string>();
      for (const d of districts) towns.filter((t) => t.parent_id === d.id).forEach((t, i) => townNo.set(t.id, `${districtNo.get(d.id)}${two(i)}`));

      const accounts: unknown[][] = [];
      const account = (username: string, roles: Role[], scope: string, name = nameOf(r)): string => {
        const id = seedId('account', username);
        accounts.push([id, username, name, 'staff', roles, scope, pii.encrypt(phoneOf(r)), hash, at, at]);
        return id;
      };
      const adminId = account('admin', ['admin'], city.id, '黄志刚');
      account('security', ['securityAdmin'], city.id, '吴静');
      account('auditor', ['auditor'], city.id, '郑丽华');
      const members: unknown[][] = [];
      for (const d of districts) {
        const no = districtNo.get(d.id)!;
        account(`d${no}-admin`, ['admin'], d.id);
        account(`d${no}-leader`, ['leader'], d.id);
        departments.filter((x) => x.district_id === d.id).forEach((dep, i) => {
          members.push([dep.id, account(`d${no}-department${i + 1}`, ['department'], d.id)]);
        });
      }

      const catalog = boardsCatalog();
      const groups = [
        { code: catalog.commandCenter.code, name: catalog.commandCenter.name, kind: 'commandCenter', posts: catalog.commandCenter.posts.map((p) => ({ ...p, special: false })) },
        ...catalog.boards.map((b) => ({
          code: b.code, name: b.name, kind: 'board',
          posts: [...b.posts.map((p) => ({ ...p, special: false, role: undefined })), ...catalog.specialPosts.filter((s) => s.board === b.code).map((p) => ({ ...p, special: true, role: undefined }))],
        })),
      ];
      const boards: unknown[][] = [];
      const posts: unknown[][] = [];
      for (const t of towns) {
        const no = townNo.get(t.id)!;
        account(`t${no}-leader`, ['leader'], t.id);
        const dispatcher = account(`t${no}-dispatcher`, ['dispatcher'], t.id);
        const handlers = Array.from({ length: HANDLERS_PER_TOWN }, (_, i) => account(`t${no}-handler${i + 1}`, ['handler'], t.id));
        let postNo = 0;
        for (const [sort, g] of groups.entries()) {
          const boardId = seedId('board', `${t.id}:${g.code}`);
          boards.push([boardId, t.id, g.code, g.name, g.kind, sort]);
          for (const [psort, p] of g.posts.entries()) {
            // the dispatching posts are the dispatcher's; the others go round the handlers, B three places on
            const a = p.role === 'dispatcher' ? dispatcher : handlers[postNo % handlers.length]!;
            const b = handlers[(postNo + 3) % handlers.length]!;
            postNo++;
            posts.push([seedId('post', `${t.id}:${p.code}`), boardId, t.id, p.code, p.name, p.special, p.role ?? null, a, b, psort]);
          }
        }
      }
      for (const c of communities) account(`c${c.code}-staff`, ['communityStaff'], c.id);

      const team: unknown[][] = [];
      const secretaries = new Map<string, string>();
      grids.forEach((g, k) => {
        const secretary = secretaries.get(g.parent_id!) ?? nameOf(r);
        secretaries.set(g.parent_id!, secretary);
        const slots: [TeamRole, string, string | null][] = [['gridLeader', secretary, null]];
        for (let w = 1; w <= workersOfGrid(k, ctx.scale.gridWorkersPerGrid); w++) {
          const name = nameOf(r);
          slots.push([w === 1 ? 'fullTime' : 'partTime', name, account(`g${g.code}-worker${w}`, ['gridWorker'], g.id, name)]);
        }
        slots.push(['instructor', nameOf(r), null], ['volunteer', nameOf(r), null]);
        slots.forEach(([role, name, accountId], sort) => {
          team.push([seedId('team', `${g.code}:${sort}`), g.id, accountId, role, name, pii.encrypt(phoneOf(r)), sort]);
        });
      });

      await ctx.copy('accounts', ACCOUNT_COLUMNS, accounts);
      ctx.progress('accounts', accounts.length, accounts.length);
      await ctx.copy('department_members', ['department_id', 'account_id'], members);
      await ctx.copy('boards', ['id', 'town_id', 'code', 'name', 'kind', 'sort'], boards);
      await ctx.copy('posts', ['id', 'board_id', 'town_id', 'code', 'name', 'special', 'duty_role', 'a_holder_id', 'b_holder_id', 'sort'], posts);
      await ctx.copy('grid_team_members', ['id', 'grid_id', 'account_id', 'team_role', 'name', 'phone', 'sort'], team);
      ctx.progress('grid team members', team.length, team.length);
      const years = await inTransaction(ctx.pool, (tx) => enterEarlierYears(tx, adminId));
      ctx.log(`  working calendar: ${years} earlier years entered by admin`);
    },
  };
}
