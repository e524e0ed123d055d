import { readFileSync } from 'node:fs';
import type { Db, Tx } from '../db/db.ts';
import type { Role } from '../../../shared/roles.ts';
import { hashPassword } from '../../identity/password-hash.ts';
import { seedDepartments, seedMatters } from '../../matters/seed-catalog.ts';
import { seedDisputeClasses } from '../../disputes/seed-catalog.ts';
import { seedEnforcementCatalog } from '../../enforcement/seed-catalog.ts';
import { seedReportForms } from '../../reports/seed-report-forms.ts';
import { seedCouncils } from '../../participation/seed-councils.ts';
import { seedIndicators } from '../../indicators/seed-indicators.ts';
import { buildDemoDistrict, personName, phoneNumber, seedId, type SeedUnit } from './demo-town.ts';

export const DEMO_PASSWORD = 'demo1234';

export const DEMO_ACCOUNTS: { username: string; name: string; roles: Role[]; what: string }[] = [
  { username: 'admin', name: '黄志刚', roles: ['admin'], what: 'whole city; imports grid boundaries' },
  { username: 'leader', name: '陈志明', roles: ['leader'], what: '春晖路街道 case overview: SLA lights, today\'s figures, every case (read-only); duty catalogs and admissions, 履职进度' },
  { username: 'dispatcher', name: '刘晓燕', roles: ['dispatcher'], what: '春晖路街道 流转调度岗 (A)' },
  { username: 'handler', name: '王建国', roles: ['handler'], what: '城市更新岗 A holder, 春晖路街道' },
  { username: 'mediator', name: '蒋丽萍', roles: ['handler'], what: '矛盾调解岗 A holder, 春晖路街道: disputes, mediations, agreements, sweeps (大排查)' },
  { username: 'enforcer', name: '邓志强', roles: ['handler'], what: '综合执法岗 A holder, 春晖路街道: enforcement cases from 占道经营 and other loop cases, joint inspections' },
  { username: 'community', name: '赵秀兰', roles: ['communityStaff'], what: '春晖社区 staff: registry, the grid workers\' tasks, "+1" tasks and leave; 共建共治 and 积分与志愿' },
  { username: 'department', name: '孙海涛', roles: ['department'], what: '区城市管理局 (district department); files duty admission requests' },
  { username: 'gridworker', name: '李明辉', roles: ['gridWorker'], what: 'full-time grid worker, 春晖社区第1网格: phone pages (今日任务 at /m/tasks, visits, reports), and its grid\'s map and cases on the desktop' },
  { username: 'security', name: '吴静', roles: ['securityAdmin'], what: '安全管理员: accounts, roles, lockouts and password resets of the city, nothing else' },
  { username: 'auditor', name: '郑丽华', roles: ['auditor'], what: '审计管理员: reads and verifies the audit log, nothing else' },
  { username: 'resident', name: '周淑芬', roles: ['resident'], what: 'resident of 春晖社区第1网格: 随手拍, 我的纠纷, 共建共治 on the phone (the open 云坝会, points, the supermarket)' },
];

// accounts added later whose username length another account already has get their own demo number
const PHONE_OFFSET: Record<string, number> = { mediator: 1, enforcer: 2 };

interface BoardsCatalog {
  commandCenter: { code: string; name: string; posts: { code: string; name: string; role?: string }[] };
  boards: { code: string; name: string; posts: { code: string; name: string }[] }[];
  specialPosts: { code: string; name: string; board: string }[];
}

function catalog<T>(name: string): T {
  return JSON.parse(readFileSync(new URL(`./catalogs/${name}`, import.meta.url), 'utf8')) as T;
}

async function insertUnits(tx: Tx, units: SeedUnit[]): Promise<void> {
  for (let i = 0; i < units.length; i += 500) {
    await tx.query(
      `insert into org_units (id, parent_id, path, level, kind, code, name, geometry, population, households, sort)
       select id, "parentId", path, level, kind, code, name, geometry, population, households, sort
         from jsonb_to_recordset($1::jsonb) as x(id text, "parentId" text, path text, level text, kind text, code text,
              name text, geometry jsonb, population int, households int, sort int)`,
      [JSON.stringify(units.slice(i, i + 500))],
    );
  }
}

/** Seeds the demo district the first time (an empty org tree); returns false when data already exists. */
export async function seedDemo(db: Db): Promise<boolean> {
  const existing = await db.query<{ n: number }>('select count(*)::int as n from org_units');
  if ((existing.rows[0]?.n ?? 0) > 0) return false;
  const demo = buildDemoDistrict();
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const boards = catalog<BoardsCatalog>('boards.json');

  await db.transaction(async (tx) => {
    await insertUnits(tx, demo.units);
    const account = async (username: string, name: string, roles: Role[], scope: string | null, home: string | null = null) => {
      const id = seedId('account', username);
      await tx.query(
        `insert into accounts (id, username, name, kind, roles, scope_org_unit_id, home_org_unit_id, phone, password_hash)
         values ($1,$2,$3,$4,$5,$6,$7,$8,$9)`,
        [id, username, name, roles.includes('resident') ? 'resident' : 'staff', roles, scope, home, phoneNumber(username.length * 97 + (PHONE_OFFSET[username] ?? 0)), passwordHash],
      );
      return id;
    };
    const scopes: Record<string, string | null> = {
      admin: demo.cityId, leader: demo.urbanTownId, dispatcher: demo.urbanTownId, handler: demo.urbanTownId,
      mediator: demo.urbanTownId, enforcer: demo.urbanTownId,
      community: demo.demoCommunityId, gridworker: demo.demoGridId, resident: null, department: demo.districtId,
      auditor: demo.districtId, security: demo.cityId,
    };
    const ids: Record<string, string> = {};
    for (const a of DEMO_ACCOUNTS) {
      ids[a.username] = await account(a.username, a.name, a.roles, scopes[a.username] ?? null, a.username === 'resident' ? demo.demoGridId : null);
    }

    for (const [t, townId] of [demo.urbanTownId, demo.ruralTownId].entries()) {
      const leaders: string[] = [];
      for (let n = 0; n < (t === 0 ? 11 : 6); n++) {
        leaders.push(await account(`town${t + 1}-leader${n + 1}`, personName(500 + t * 20 + n), ['handler'], townId));
      }
      const groups = [
        { code: boards.commandCenter.code, name: boards.commandCenter.name, kind: 'commandCenter', posts: boards.commandCenter.posts.map((p) => ({ ...p, special: false })) },
        ...boards.boards.map((b) => ({
          code: b.code, name: b.name, kind: 'board',
          posts: [...b.posts.map((p) => ({ ...p, special: false })), ...boards.specialPosts.filter((s) => s.board === b.code).map((p) => ({ ...p, special: true }))],
        })),
      ];
      let postNo = 0;
      for (const [sort, g] of groups.entries()) {
        const boardId = seedId('board', `${townId}:${g.code}`);
        await tx.query('insert into boards (id, town_id, code, name, kind, sort) values ($1,$2,$3,$4,$5,$6)', [boardId, townId, g.code, g.name, g.kind, sort]);
        for (const [psort, p] of g.posts.entries()) {
          const demoHolders: Record<string, string | undefined> = { 'JJ-CSGX': ids.handler, 'ZH-LZDD': ids.dispatcher, 'PA-MDTJ': ids.mediator, 'PA-ZHZF': ids.enforcer };
          const holderA = (t === 0 ? demoHolders[p.code] : undefined) ?? leaders[postNo % leaders.length]!;
          const holderB = leaders[(postNo + 3) % leaders.length]!;
          postNo++;
          await tx.query(
            `insert into posts (id, board_id, town_id, code, name, special, duty_role, a_holder_id, b_holder_id, sort)
             values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10)`,
            [seedId('post', `${townId}:${p.code}`), boardId, townId, p.code, p.name, p.special, 'role' in p ? (p.role ?? null) : null, holderA, holderB, psort],
          );
        }
      }
    }

    const departments = await seedDepartments(tx, demo.districtId);
    await tx.query('insert into department_members (department_id, account_id) values ($1, $2)', [departments.get('区城市管理局'), ids.department]);
    for (const townId of [demo.urbanTownId, demo.ruralTownId]) await seedMatters(tx, townId);
    const seededAt = new Date();
    await seedDisputeClasses(tx, seededAt);
    await seedEnforcementCatalog(tx, demo.cityId, demo.units.find((u) => u.id === demo.cityId)!.path, seededAt);
    await seedCouncils(tx, seededAt);
    await seedIndicators(tx, seededAt);
    await seedReportForms(tx, seededAt);

    const team = demo.team.map((m) => ({ ...m, accountId: null as string | null }));
    const gridworkerSlot = team.find((m) => m.gridId === demo.demoGridId && m.teamRole === 'fullTime')!;
    gridworkerSlot.accountId = ids.gridworker!;
    gridworkerSlot.name = DEMO_ACCOUNTS.find((a) => a.username === 'gridworker')!.name;
    for (let i = 0; i < team.length; i += 1000) {
      await tx.query(
        `insert into grid_team_members (grid_id, account_id, team_role, name, phone, sort)
         select "gridId", "accountId", "teamRole", name, phone, sort
           from jsonb_to_recordset($1::jsonb) as x("gridId" text, "accountId" text, "teamRole" text, name text, phone text, sort int)`,
        [JSON.stringify(team.slice(i, i + 1000))],
      );
    }
    await tx.query('update org_geometry_revision set revision = revision + 1 where id = 1');
  });
  return true;
}
