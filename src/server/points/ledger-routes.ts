import type { FastifyInstance } from 'fastify';
import type { Static } from '@sinclair/typebox';
import { requirePrincipal, type Principal } from '../platform/auth.ts';
import { AppError, forbidden, notFound } from '../platform/errors.ts';
import { idempotencyKeyOf } from '../platform/idempotency-key.ts';
import { likePrefix } from '../platform/db/sql.ts';
import type { Tx } from '../platform/db/db.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { maskName } from '../../domain/identity/personal-data.ts';
import { personNotInRegistry } from '../participation/person.ts';
import { POINTS_KEEPERS, POINTS_READERS, type PointSubject } from '../../shared/points.ts';
import { applyRule, communityOfGrid, entryUnknown, pointsInvalid, publishedRules, reverseTransaction, vetoOf } from './ledger.ts';
import * as store from './ledger-store.ts';
import { actorOf, isKeeperOf, isPointsStaff, isResident, POINTS_STAFF } from './ledger-store.ts';
import { nameFor, presentEntry, presentTransaction } from './presenters.ts';
import { listReconciliations, runReconciliation, type ReconciliationRow } from './reconcile.ts';
import { periodStart } from './rules.ts';
import * as s from './ledger-schemas.ts';

const TAGS = ['points'];
const RECONCILIATION_READERS = ['admin', 'leader', 'communityStaff'] as const;

const badCursor = () => new AppError('VALIDATION_FAILED', 'The cursor is not one this API handed out.', '分页游标无效。');
const encode = (parts: string[]) => Buffer.from(parts.join('|')).toString('base64url');
const decode = (cursor: string, n: number): string[] => {
  const parts = Buffer.from(cursor, 'base64url').toString().split('|');
  if (parts.length !== n || parts.some((x) => x.length === 0 || x.length > 200)) throw badCursor();
  return parts;
};

/** The caller's Idempotency-Key scoped to the caller and the kind of write. */
const keyOf = (req: Parameters<typeof idempotencyKeyOf>[0], p: Principal, what: string) => {
  const k = idempotencyKeyOf(req);
  return k === null ? null : `${what}:${p.accountId}:${k}`;
};

interface SubjectTarget { kind: 'household' | 'person'; id: string; name: string | null; address: string | null; gridId: string; path: string }

/** A household or person a staff caller reaches (their household's path under the scope), or null. */
async function staffSubject(tx: Tx, p: Principal, subject: PointSubject): Promise<SubjectTarget | null> {
  if ('householdId' in subject) {
    const h = await store.findHousehold(tx, subject.householdId, p.scopePath);
    return h && { kind: 'household', id: h.id, name: h.head_name, address: h.address, gridId: h.grid_id, path: h.org_path };
  }
  const r = (await tx.query<{ id: string; name: string; grid_id: string; org_path: string }>(
    `select id, name, grid_id, org_path from registry_residents where id = $1 and left_at is null and org_path like $2`,
    [subject.residentId, likePrefix(p.scopePath!)],
  )).rows[0];
  return r ? { kind: 'person', id: r.id, name: r.name, address: null, gridId: r.grid_id, path: r.org_path } : null;
}

/** Points: awards by hand, reversals, households' accounts with their entries, reconciliation runs. */
export async function ledgerRoutes(app: FastifyInstance): Promise<void> {
  app.post('/api/points/awards', {
    config: { access: POINTS_KEEPERS },
    schema: {
      summary: 'Award (or deduct) points by a rule', tags: TAGS, body: s.AwardBody, response: { 200: s.TransactionView, 201: s.TransactionView },
      description: 'Applies a published rule of the subject\'s community (POINTS_KEEPERS of its scope) to a household (or, for a person rule, a person) of the registry: base and bonus award its points × units (capped per period), minus deducts them (at most the balance; an empty account → 422 POINTS_INSUFFICIENT), a veto blocks the household for its months (and deducts its points if any). Idempotent on eventRef: the same rule, subject and eventRef again answers the first (200, created false); 201 for a new one. An unknown or unpublished rule, a rule for the other kind of subject, or a cap already reached → 422 POINTS_INVALID. Audited (points.award).',
    },
  }, async (req, reply) => {
    const p = requirePrincipal(req);
    const body = req.body as Static<typeof s.AwardBody>;
    const now = app.clock();
    const result = await app.db.transaction(async (tx) => {
      const target = await staffSubject(tx, p, body.subject);
      if (!target) throw notFound(body.subject && 'householdId' in body.subject ? 'household' : 'resident');
      const unit = await communityOfGrid(tx, target.gridId);
      if (!isKeeperOf(p, unit.path)) throw forbidden();
      const rule = (await publishedRules(tx, unit.id)).find((r) => r.code === body.ruleCode);
      if (!rule) throw pointsInvalid([`细则「${body.ruleCode}」不存在或尚未发布`]);
      if (rule.subjectKind !== target.kind) throw pointsInvalid([`细则「${rule.name}」的对象是${rule.subjectKind === 'household' ? '户' : '个人'}`]);
      const r = await applyRule(tx, {
        rule, subject: body.subject as PointSubject, orgUnitId: unit.id, eventRef: body.eventRef, units: body.units ?? 1,
        note: body.note ?? null, at: now, by: p.accountId, idempotencyKey: keyOf(req, p, 'award'),
      });
      if (r.created) {
        await appendAudit(tx, {
          at: now, actorId: p.accountId, actorName: p.name, ip: req.ip, action: 'points.award', targetType: 'point_transaction',
          targetId: r.transactionId, success: true, detail: { ruleCode: rule.code, subject: body.subject, eventRef: body.eventRef, points: r.points },
        });
      }
      return { id: r.transactionId, created: r.created };
    });
    const t = await store.findTransaction(app.db, result.id);
    reply.code(result.created ? 201 : 200);
    return presentTransaction(t!, p, result.created);
  });

  app.post('/api/points/transactions/:id/reverse', {
    config: { access: POINTS_KEEPERS },
    schema: {
      summary: 'Reverse a points transaction', tags: TAGS, params: s.IdParams, body: s.ReverseBody, response: { 200: s.TransactionView, 201: s.TransactionView },
      description: 'Corrects a transaction by a reversing one (the books are never edited): its entries negated, reason 冲正 with the `reason` as note (POINTS_KEEPERS of its community). Unknown or outside the scope → 404 POINTS_ENTRY_UNKNOWN; already reversed → 409 POINTS_ALREADY_REVERSED; a reversal itself → 422 POINTS_INVALID; a balance that would go below zero (the points already spent) → 422 POINTS_INSUFFICIENT { available }. 201 with the reversal; 200 with it for a repeated Idempotency-Key. Audited (points.reverse).',
    },
  }, async (req, reply) => {
    const p = requirePrincipal(req);
    const { id } = req.params as Static<typeof s.IdParams>;
    const { reason } = req.body as Static<typeof s.ReverseBody>;
    const now = app.clock();
    const r = await app.db.transaction(async (tx) => {
      const t = await store.findTransaction(tx, id);
      if (!t || !t.subject_path.startsWith(p.scopePath ?? '\u0000')) throw entryUnknown();
      if (!isKeeperOf(p, t.org_path)) throw forbidden();
      const rev = await reverseTransaction(tx, { id, reason, at: now, by: p.accountId, idempotencyKey: keyOf(req, p, 'reverse') });
      if (rev.created) {
        await appendAudit(tx, {
          at: now, actorId: p.accountId, actorName: p.name, ip: req.ip, action: 'points.reverse', targetType: 'point_transaction',
          targetId: id, success: true, detail: { reversalId: rev.id, reason, points: -t.points },
        });
      }
      return rev;
    });
    reply.code(r.created ? 201 : 200);
    return presentTransaction((await store.findTransaction(app.db, r.id))!, p, r.created);
  });

  app.get('/api/points/accounts', {
    config: { access: POINTS_STAFF },
    schema: {
      summary: 'Households with their points', tags: TAGS, querystring: s.AccountListQuery, response: { 200: s.AccountList },
      description: 'The households of the caller\'s scope (or of `orgUnitId`, a community or grid in it) with their balance (0 before the first points), last movement and a veto in force, by address; `q` matches part of the address or of a member\'s name. Paged by `cursor`.',
    },
  }, async (req) => {
    const p = requirePrincipal(req);
    if (!isPointsStaff(p)) throw forbidden();
    const q = req.query as Static<typeof s.AccountListQuery>;
    let path = p.scopePath!;
    if (q.orgUnitId) {
      const u = (await app.db.query<{ path: string }>(`select path from org_units where id = $1 and path like $2`, [q.orgUnitId, likePrefix(path)])).rows[0];
      if (!u) throw notFound('organisation unit');
      path = u.path;
    }
    const limit = q.limit ?? 50;
    const after = q.cursor ? (([address, id]) => ({ address: address!, id: id! }))(decode(q.cursor, 2)) : null;
    const rows = await store.listHouseholdAccounts(app.db, path, { q: q.q?.trim() || null, after, limit: limit + 1, now: app.clock() });
    const page = rows.slice(0, limit);
    const keeper = (await app.db.query<{ ok: boolean }>(`select $1::text like $2 as ok`, [path, likePrefix(p.scopePath!)])).rows[0]?.ok
      && p.roles.some((r) => (POINTS_KEEPERS as readonly string[]).includes(r));
    return {
      items: page.map((h) => ({
        subject: `household:${h.household_id}`, householdId: h.household_id, headName: h.head_name, address: h.address,
        gridId: h.grid_id, gridName: h.grid_name, balance: Number(h.balance ?? 0),
        lastAt: h.last_at ? new Date(h.last_at).toISOString() : null, vetoUntil: h.veto_until ? new Date(h.veto_until).toISOString() : null,
        policies: keeper ? ['award' as const] : [],
      })),
      nextCursor: rows.length > limit ? encode([page[page.length - 1]!.address, page[page.length - 1]!.household_id]) : null,
      policies: keeper ? ['award' as const] : [],
    };
  });

  app.get('/api/points/accounts/:subject', {
    config: { access: POINTS_READERS },
    schema: {
      summary: 'One household\'s or person\'s points', tags: TAGS, params: s.SubjectParams, querystring: s.AccountQuery, response: { 200: s.AccountDetail },
      description: 'The balance, the balance at `asOf`, points earned this year, a veto in force and the entries (newest first, with the reason\'s name; paged by `cursor`) of `household:<id>` or `person:<id>` — staff of a scope holding the household (or person); a resident only their own household and their own person, or `me` (their household, else their person; not in the registry → 422 PERSON_NOT_IN_REGISTRY). Members\' names masked for residents. Another subject → 404.',
    },
  }, async (req) => {
    const p = requirePrincipal(req);
    const { subject } = req.params as Static<typeof s.SubjectParams>;
    const q = req.query as Static<typeof s.AccountQuery>;
    const now = app.clock();
    const tx = app.db;
    let target: SubjectTarget | null = null;
    if (subject === 'me' || !isPointsStaff(p)) {
      if (!isResident(p)) throw notFound('points account');
      const person = await store.personOf(tx, app.pii, p);
      if (!person) {
        if (subject === 'me') throw personNotInRegistry();
        throw notFound('points account');
      }
      const own: SubjectTarget[] = [];
      if (person.householdId) {
        const h = await store.findHousehold(tx, person.householdId, null);
        if (h) own.push({ kind: 'household', id: h.id, name: h.head_name, address: h.address, gridId: h.grid_id, path: h.org_path });
      }
      own.push({ kind: 'person', id: person.residentId, name: person.name, address: null, gridId: person.gridId, path: person.orgPath });
      target = subject === 'me' ? own[0]! : own.find((o) => `${o.kind}:${o.id}` === subject) ?? null;
    } else {
      const [kind, id] = subject.split(':') as ['household' | 'person', string];
      target = await staffSubject(tx, p, kind === 'household' ? { householdId: id } : { residentId: id });
    }
    if (!target) throw notFound('points account');
    const unit = await communityOfGrid(tx, target.gridId);
    const account = await store.accountOfSubject(tx, target.kind, target.id);
    const limit = q.limit ?? 50;
    const before = q.cursor ? Number(decode(q.cursor, 1)[0]) : null;
    if (before !== null && !Number.isSafeInteger(before)) throw badCursor();
    const entries = account ? await store.listEntries(tx, account.id, { before, limit: limit + 1 }) : [];
    const page = entries.slice(0, limit);
    const asOf = q.asOf ? new Date(q.asOf) : null;
    const members = target.kind === 'household' ? await store.membersOf(tx, target.id) : [];
    const veto = target.kind === 'household' ? await vetoOf(tx, target.id, now) : null;
    const keeper = isKeeperOf(p, unit.path);
    return {
      subject: `${target.kind}:${target.id}`,
      kind: target.kind,
      accountId: account?.id ?? null,
      name: nameFor(p, target.name),
      address: target.address,
      orgUnitId: unit.id,
      orgUnitName: unit.name,
      members: members.map((m) => ({ residentId: m.id, name: isPointsStaff(p) ? m.name : maskName(m.name) })),
      balance: Number(account?.balance ?? 0),
      asOf: asOf ? asOf.toISOString() : null,
      balanceAsOf: asOf ? (account ? await store.balanceAt(tx, account.id, asOf) : 0) : null,
      earnedThisYear: account ? await store.earnedSince(tx, account.id, periodStart('year', now)) : 0,
      veto: veto ? { until: veto.until.toISOString(), ruleName: veto.ruleName } : null,
      entries: page.map((e) => presentEntry(e, p, unit.path)),
      nextCursor: entries.length > limit ? encode([String(page[page.length - 1]!.entry_id)]) : null,
      policies: keeper ? ['award' as const] : [],
    };
  });

  const presentRun = (r: ReconciliationRow, p: Principal) => {
    const inScope = (path: string) => p.roles.includes('admin') || (p.scopePath !== null && path.startsWith(p.scopePath));
    return {
      id: r.id, ranAt: r.ranAt.toISOString(), accounts: r.accounts,
      mismatches: r.mismatches.filter((m) => inScope(m.orgPath)).map(({ orgPath: _o, ...m }) => m),
      unbalanced: p.roles.includes('admin') ? r.unbalanced : [],
    };
  };

  app.get('/api/points/reconciliations', {
    config: { access: RECONCILIATION_READERS },
    schema: {
      summary: 'Reconciliation runs of the points books', tags: TAGS, response: { 200: s.ReconciliationList },
      description: 'The latest 30 nightly runs (02:30): accounts checked, the accounts whose stored balance differs from the sum of their entries (those of the caller\'s scope; all for the admin) and the transactions whose entries do not sum to zero (admin). A run with any is an alarm, also written to the audit log (points.reconcile.mismatch).',
    },
  }, async (req) => {
    const p = requirePrincipal(req);
    const runs = await listReconciliations(app.db, 30);
    return { items: runs.map((r) => presentRun(r, p)), policies: p.roles.includes('admin') ? ['run' as const] : [] };
  });

  app.post('/api/points/reconciliations', {
    config: { access: ['admin'] },
    schema: {
      summary: 'Reconcile the points books now', tags: TAGS, response: { 201: s.ReconciliationRun },
      description: 'Runs the reconciliation now (the admin; it also runs every night at 02:30) and answers the run. A mismatch is written to the audit log (points.reconcile.mismatch).',
    },
  }, async (req, reply) => {
    const p = requirePrincipal(req);
    const run = await runReconciliation(app.db, app.clock(), (line) => req.log.error(line));
    reply.code(201);
    return { run: presentRun(run, p) };
  });
}
