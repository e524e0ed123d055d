import type { FastifyPluginAsync } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import { INCIDENT_COMMANDERS, PLAN_READERS, type CapAlert, type Hazard, type PlanLevel } from '../../shared/plans.ts';
import type { Role } from '../../shared/roles.ts';
import { requirePrincipal, type Principal } from '../platform/auth.ts';
import { AppError, notFound } from '../platform/errors.ts';
import { likePrefix, inOrHoldingScope } from '../platform/db/sql.ts';
import { appendAudit } from '../audit/audit-log.ts';
import * as store from './trigger-store.ts';
import * as s from './trigger-schemas.ts';
import { capToXml } from './cap-xml.ts';

const TAGS = ['plans'];
export const CAP_XML_TYPE = 'application/cap+xml; charset=utf-8';

const encodeCursor = (m: { matched_at: Date; id: string }) => Buffer.from(`${new Date(m.matched_at).toISOString()}|${m.id}`).toString('base64url');
function decodeCursor(cursor: string): { at: Date; id: string } {
  const [at, id] = Buffer.from(cursor, 'base64url').toString().split('|');
  const date = new Date(at ?? '');
  if (!id || id.length > 64 || !/^[0-9a-f-]+$/.test(id) || Number.isNaN(date.getTime())) {
    throw new AppError('VALIDATION_FAILED', 'The cursor is not one this API handed out.', '分页游标无效。');
  }
  return { at: date, id };
}

const commands = (roles: readonly Role[]) => roles.some((r) => (INCIDENT_COMMANDERS as readonly Role[]).includes(r));
const scopeOf = (p: Principal, what: string) => {
  if (!p.scopePath) throw notFound(what);
  return p.scopePath;
};

export function presentSuggestion(m: store.MatchRow, roles: readonly Role[]): Static<typeof s.Suggestion> {
  const open = m.status === 'open' && commands(roles);
  return {
    id: m.id,
    plan: { id: m.plan_id, name: m.plan_name, version: m.plan_version, hazard: m.hazard as Hazard },
    town: { id: m.town_id, name: m.town_name },
    trigger: { kind: m.trigger_kind, id: m.trigger_ref, key: m.trigger_key, title: m.trigger_title, alarmLevel: m.trigger_level },
    level: m.level as PlanLevel, mode: m.mode, matchedAt: m.matched_at.toISOString(), status: m.status,
    incident: m.incident_id ? { id: m.incident_id, number: m.incident_number } : null,
    error: m.error, decidedAt: m.decided_at?.toISOString() ?? null, decidedByName: m.decided_by_name, dismissReason: m.dismiss_reason,
    // a failed automatic start may still be started by a person (after staffing the role it lacked)
    policies: open || (m.status === 'failed' && commands(roles)) ? ['activate', 'dismiss'] : [],
  };
}

/**
 * Plan suggestions (预案建议, issue 14): what the trigger service matched, for the command center to start or dismiss;
 * and an incident's CAP 1.2 alerts as XML for other systems (the 国家预警信息发布 format).
 */
export const triggerRoutes: FastifyPluginAsync = async (app) => {
  app.get('/api/plan-suggestions', {
    config: { access: PLAN_READERS },
    schema: {
      summary: 'List plan suggestions', tags: TAGS, querystring: s.SuggestionQuery, response: { 200: s.SuggestionPage },
      description: 'Alarms, cases and platform alerts that matched a plan of a town inside the caller\'s scope, newest first: `open` ones wait for the command center (start with POST /api/plans/:id/activate and the trigger, or dismiss), `activated` name their incident, `failed` say why an automatic start was refused. `triggerKind` + `triggerRef` give the plans one alarm matched. Pages by `cursor`.',
    },
  }, async (req) => {
    const p = requirePrincipal(req);
    const q = req.query as Static<typeof s.SuggestionQuery>;
    const limit = q.limit ?? 50;
    const rows = await store.listMatches(app.db, scopeOf(p, 'suggestion'), {
      status: q.status ?? null, triggerKind: q.triggerKind ?? null, triggerRef: q.triggerRef ?? null,
    }, q.cursor ? decodeCursor(q.cursor) : null, limit + 1);
    const page = rows.slice(0, limit);
    return {
      items: page.map((m) => presentSuggestion(m, p.roles)),
      nextCursor: rows.length > limit ? encodeCursor(page[page.length - 1]!) : null,
    };
  });

  app.post('/api/plan-suggestions/:id/dismiss', {
    config: { access: INCIDENT_COMMANDERS },
    schema: {
      summary: 'Dismiss a plan suggestion', tags: TAGS, params: s.SuggestionIdParams, body: s.DismissBody, response: { 200: s.Suggestion },
      description: 'The command center does not start the plan for this trigger (the reason is required and kept). 409 INCIDENT_STATE_CONFLICT when it is no longer open (started or dismissed already). 404 outside the caller\'s scope. Audited.',
    },
  }, async (req) => {
    const p = requirePrincipal(req);
    const { id } = req.params as Static<typeof s.SuggestionIdParams>;
    const { reason } = req.body as Static<typeof s.DismissBody>;
    const now = app.clock();
    const scope = scopeOf(p, 'suggestion');
    return app.db.transaction(async (tx) => {
      const m = await store.findMatch(tx, scope, id, true);
      if (!m) throw notFound('suggestion');
      if (!(await store.dismissMatch(tx, id, reason.trim(), p.accountId, now))) {
        throw new AppError('INCIDENT_STATE_CONFLICT', 'The suggestion is no longer open: it was started or dismissed.', '该预案建议已被启动或忽略，已为您刷新。');
      }
      await appendAudit(tx, {
        at: now, actorId: p.accountId, actorName: p.name, ip: req.ip, action: 'plan.suggestion.dismiss', targetType: 'plan', targetId: m.plan_id,
        success: true, detail: { suggestionId: id, triggerKey: m.trigger_key, level: m.level, reason: reason.trim() },
      });
      return presentSuggestion((await store.findMatch(tx, scope, id))!, p.roles);
    });
  });

  app.get('/api/incidents/:id/cap/:seq.xml', {
    config: { access: PLAN_READERS },
    schema: {
      summary: 'An incident\'s CAP alert as XML', tags: TAGS, params: s.CapParams,
      response: { 200: { description: 'the CAP 1.2 alert as XML', content: { 'application/cap+xml': { schema: Type.String() } } } },
      description: 'The `seq`-th CAP 1.2 alert of the incident (1: the Alert at activation, then Update at each level change and Cancel at stand-down) as OASIS CAP 1.2 XML (urn:oasis:names:tc:emergency:cap:1.2), `application/cap+xml`. 404 when the incident is outside the caller\'s scope or has no such alert.',
    },
  }, async (req, reply) => {
    const p = requirePrincipal(req);
    const { id, seq } = req.params as Static<typeof s.CapParams>;
    const r = await app.db.query<{ alert: CapAlert | null; number: string }>(
      `select cap_alerts -> ($3::int - 1) as alert, number from incidents where id = $1 and ${inOrHoldingScope('org_path', '$4', '$2')}`,
      [id, likePrefix(scopeOf(p, 'incident')), seq, p.scopePath]);
    const alert = r.rows[0]?.alert;
    if (!alert) throw notFound('CAP alert');
    return reply.type(CAP_XML_TYPE)
      .header('content-disposition', `inline; filename="${r.rows[0]!.number}-${seq}.xml"`)
      .send(capToXml(alert));
  });
};
