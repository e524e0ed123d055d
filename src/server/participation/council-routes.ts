import type { FastifyInstance } from 'fastify';
import type { Static } from '@sinclair/typebox';
import { requirePrincipal } from '../platform/auth.ts';
import type { Tx } from '../platform/db/db.ts';
import { AppError } from '../platform/errors.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { PARTICIPATION_LEADS, PARTICIPATION_READERS, type CouncilLevel } from '../../shared/participation.ts';
import { COUNCIL_COLUMNS, parentCouncil, type CouncilRow } from './councils.ts';
import { listProposals, presentProposal } from './proposal-presenters.ts';
import { councilReadSql, isLeadOf, readerOf, type Reader } from './scope.ts';
import * as s from './council-schemas.ts';

const TAGS = ['participation'];

interface ListedCouncil extends CouncilRow { unit_name: string; open_proposals: number; upcoming_meetings: number }

async function listCouncils(tx: Tx, r: Reader, f: { level: CouncilLevel | null; id: string | null }, now: Date): Promise<ListedCouncil[]> {
  const params: unknown[] = [now];
  const where = [councilReadSql(r, 'c.org_path', params)];
  if (f.level) { params.push(f.level); where.push(`c.level = $${params.length}`); }
  if (f.id) { params.push(f.id); where.push(`c.id = $${params.length}`); }
  return (await tx.query<ListedCouncil>(
    `select ${COUNCIL_COLUMNS}, u.name as unit_name,
        (select count(*)::int from proposals p where p.council_id = c.id and p.status in ('open', 'scheduled')) as open_proposals,
        (select count(*)::int from meetings m where m.council_id = c.id and m.status in ('scheduled', 'open') and m.ends_at >= $1) as upcoming_meetings
       from councils c join org_units u on u.id = c.org_unit_id
      where ${where.join(' and ')}
      order by case c.level when 'town' then 0 when 'community' then 1 else 2 end, c.org_path
      limit 500`, params)).rows;
}

function present(r: Reader, c: ListedCouncil): Static<typeof s.CouncilView> {
  return {
    id: c.id, orgUnitId: c.org_unit_id, orgUnitName: c.unit_name, level: c.level, name: c.name, partyOrg: c.party_org,
    leaderName: c.leader_name, openProposals: c.open_proposals, upcomingMeetings: c.upcoming_meetings,
    mine: r.areaPath !== null && r.areaPath.startsWith(c.org_path),
    policies: isLeadOf(r.p, c.org_path) ? ['update'] : [],
  };
}

const councilNotFound = () => new AppError('NOT_FOUND', 'No such council.', '没有这个议事会。');

/**
 * 三会 (issue 16): the councils of grids (邻里会), communities (评议会) and towns (联席会) the caller reads, one council's
 * page with its open proposals, and its party organisation and leader edited by PARTICIPATION_LEADS of its scope.
 */
export async function councilRoutes(app: FastifyInstance): Promise<void> {
  const detail = async (tx: Tx, r: Reader, id: string) => {
    const now = app.clock();
    const c = (await listCouncils(tx, r, { level: null, id }, now))[0];
    if (!c) throw councilNotFound();
    const parent = c.level === 'town' ? null : await parentCouncil(tx, c, now);
    const open = await listProposals(tx, r, { councilId: c.id, level: null, status: null, q: null }, null, 200);
    return {
      ...present(r, c), parentId: parent?.id ?? null,
      proposals: open.filter((x) => x.status === 'open' || x.status === 'scheduled').slice(0, 50).map((x) => presentProposal(r, x, true)),
    };
  };

  app.get('/api/councils', {
    config: { access: PARTICIPATION_READERS },
    schema: {
      summary: 'List councils (三会)', tags: TAGS, querystring: s.CouncilListQuery, response: { 200: s.CouncilList },
      description: 'The councils the caller reads: staff those in or above their scope; a resident those of their grid, community and town (`mine`). Town first, then communities, then grids; each with its party organisation, leader, open proposals and upcoming meetings.',
    },
  }, async (req) => {
    const p = requirePrincipal(req);
    const r = await readerOf(app.db, app.pii, p);
    const level = (req.query as Static<typeof s.CouncilListQuery>).level ?? null;
    return { items: (await listCouncils(app.db, r, { level, id: null }, app.clock())).map((c) => present(r, c)) };
  });

  app.get('/api/councils/:id', {
    config: { access: PARTICIPATION_READERS },
    schema: {
      summary: 'A council', tags: TAGS, params: s.CouncilParams, response: { 200: s.CouncilDetail },
      description: 'The council with its open and scheduled proposals, the council above it (where sent-up proposals go) and `policies`. 404 when the caller does not read it.',
    },
  }, async (req) => {
    const p = requirePrincipal(req);
    return detail(app.db, await readerOf(app.db, app.pii, p), (req.params as { id: string }).id);
  });

  app.put('/api/councils/:id', {
    config: { access: PARTICIPATION_LEADS },
    schema: {
      summary: 'Edit a council\'s party organisation and leader', tags: TAGS, params: s.CouncilParams, body: s.UpdateCouncilBody,
      response: { 200: s.CouncilDetail },
      description: 'PARTICIPATION_LEADS whose scope holds the council (else 404). Audited (participation.council.update) with the values before and after.',
    },
  }, async (req) => {
    const p = requirePrincipal(req);
    const b = req.body as Static<typeof s.UpdateCouncilBody>;
    const now = app.clock();
    return app.db.transaction(async (tx) => {
      const c = (await tx.query<CouncilRow>(`select ${COUNCIL_COLUMNS} from councils c where c.id = $1 for update`, [(req.params as { id: string }).id])).rows[0];
      if (!c || !isLeadOf(p, c.org_path)) throw councilNotFound();
      const partyOrg = b.partyOrg.trim();
      const leaderName = b.leaderName?.trim() || null;
      await tx.query('update councils set party_org = $2, leader_name = $3, updated_at = $4 where id = $1', [c.id, partyOrg, leaderName, now]);
      await appendAudit(tx, {
        at: now, actorId: p.accountId, actorName: p.name, ip: req.ip, action: 'participation.council.update', targetType: 'council', targetId: c.id,
        success: true, detail: { before: { partyOrg: c.party_org, leaderName: c.leader_name }, after: { partyOrg, leaderName } },
      });
      return detail(tx, await readerOf(tx, app.pii, p), c.id);
    });
  });
}
