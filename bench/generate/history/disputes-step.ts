// Disputes (矛盾纠纷) over the history: most reports of the matter 矛盾纠纷 (D0000) were registered at the dispute desk
// from their case (source `case`), with two parties (names and phones sealed as the desk seals them), a class of the
// city's catalog, a risk level and a tier with its handling unit. The dispute follows its work order: resolved and
// closed when the case closed, open while it is open. Numbers JF + town code + day + sequence, and document_counters
// ends at each town-day's last one.
import type { GenerateContext, GenerateStep } from '../context.ts';
import { Random } from '../../../src/server/cases/demo/random.ts';
import { caller } from '../../../src/server/cases/demo/texts.ts';
import { caseNumberDay } from '../../../src/domain/cases/case-number.ts';
import { printDailyNumber } from '../../../src/server/platform/db/document-numbers.ts';
import { loadConfig } from '../../../src/server/platform/config.ts';
import { loadPiiKey, PiiCipher } from '../../../src/server/platform/pii-cipher.ts';
import { copyLines, line } from '../copy.ts';
import { uuidFrom } from './ids.ts';

const DISPUTE_COLUMNS = ['id', 'number', 'case_id', 'town_id', 'grid_id', 'org_path', 'class_code', 'subclass_code', 'description', 'lng', 'lat',
  'address', 'source', 'status', 'risk_level', 'risk_reasons', 'tier', 'tier_reason', 'handling_unit_id', 'close_reason', 'created_at', 'updated_at',
  'resolved_at', 'closed_at'] as const;
const PARTY_COLUMNS = ['dispute_id', 'seq', 'role', 'name', 'phone', 'phone_hash', 'address'] as const;

export const disputesStep: GenerateStep = {
  name: 'disputes',
  async run(ctx) {
    const n = await generateDisputes(ctx);
    ctx.log(`  disputes: ${n.toLocaleString('en-US')}`);
  },
};

export async function generateDisputes(ctx: GenerateContext): Promise<number> {
  const { pool } = ctx;
  const r = new Random(Math.floor(ctx.random('disputes')() * 2 ** 32));
  const ids = ctx.random('dispute ids');
  const pii = new PiiCipher(loadPiiKey(loadConfig().dataDir));
  const classes = (await pool.query<{ code: string; subclasses: { code: string; retired?: boolean }[] }>(
    `select code, subclasses from dispute_classes where not retired order by sort, code`)).rows;
  if (classes.length === 0) return 0;
  const cases = await pool.query<{
    id: string; town_id: string; town_code: string; grid_id: string; org_path: string; community_id: string; description: string; lng: number; lat: number;
    address: string | null; status: string; created_at: Date; updated_at: Date; closed_at: Date | null;
  }>(
    `select c.id, c.town_id, t.code as town_code, c.grid_id, c.org_path, g.parent_id as community_id, c.description, c.lng, c.lat, c.address, c.status,
            c.created_at, c.updated_at, c.closed_at
       from cases c join org_units t on t.id = c.town_id join org_units g on g.id = c.grid_id
      where c.category_code = 'D0000' and c.status <> 'rejected' and not exists (select 1 from disputes d where d.case_id = c.id)
      order by c.created_at, c.id`);
  const counters = new Map<string, number>();
  const disputes: string[] = [];
  const parties: string[] = [];
  for (const c of cases.rows) {
    if (!r.chance(0.85)) continue;
    const created = new Date(c.created_at.getTime() + r.int(5, 90) * 60_000);
    const day = caseNumberDay(created);
    const key = `${c.town_id}|${day}`;
    const seq = (counters.get(key) ?? 0) + 1;
    counters.set(key, seq);
    const cls = r.pick(classes);
    const sub = cls.subclasses.filter((s) => !s.retired);
    const tier = r.weighted<'onSpot' | 'joint' | 'escalated'>([['onSpot', 60], ['joint', 30], ['escalated', 10]]);
    const unit = tier === 'onSpot' ? c.grid_id : tier === 'joint' ? c.community_id : c.town_id;
    const risk = r.weighted<'low' | 'medium' | 'high'>([['low', 70], ['medium', 25], ['high', 5]]);
    const open = c.status !== 'closed';
    const closedAt = open ? null : c.closed_at;
    const id = uuidFrom(ids);
    disputes.push(line([
      id, printDailyNumber('JF', c.town_code.slice(0, 9), day, seq), c.id, c.town_id, c.grid_id, c.org_path, cls.code, sub.length > 0 ? r.pick(sub).code : null,
      c.description, c.lng, c.lat, c.address, 'case', open ? 'open' : 'closed', risk, '[]', tier,
      tier === 'onSpot' ? null : tier === 'joint' ? '需社区协同化解' : '风险较高，提级至综治中心', unit, open ? null : '调解成功，双方履行完毕',
      created, open ? created : closedAt, closedAt, closedAt,
    ]));
    for (let p = 1; p <= 2; p++) {
      const who = caller(r);
      parties.push(line([id, p, p === 1 ? 'applicant' : 'respondent', pii.encrypt(who.name), pii.encrypt(who.phone), pii.lookupHash(who.phone), c.address]));
    }
  }
  await copyLines(pool, 'disputes', DISPUTE_COLUMNS, disputes);
  await copyLines(pool, 'dispute_parties', PARTY_COLUMNS, parties);
  await copyLines(pool, 'document_counters', ['kind', 'town_id', 'period', 'seq'],
    [...counters].map(([k, seq]) => line(['dispute', ...k.split('|'), seq])));
  return disputes.length;
}
