import type { Tx } from '../platform/db/db.ts';
import type { PiiCipher } from '../platform/pii-cipher.ts';
import { AppError } from '../platform/errors.ts';
import type { CapAlert, CapMsgType, Hazard, PlanLevel, PlanNotice } from '../../shared/plans.ts';
import { capRefusals, draftCapAlert } from '../../domain/plans/cap.ts';
import { capToXml } from './cap-xml.ts';

/*
 * An incident's CAP 1.2 alert (预警信息): drafted from the plan's notice texts at activation (`Alert`), at a level change
 * (`Update`) and at stand-down (`Cancel`), checked against CAP's rules, kept on the incident, logged as `notified`, and
 * queued to the town's partners whose hazards include the incident's — all in the caller's transaction, so an alert is
 * sent exactly when the change it tells of is written.
 *
 * The people who hold the roles are reached through their work orders (the case loop's live stream and the phone pages
 * already carry every new or changed order to its assignee); the `notified` event names them, it does not send again.
 */

export interface IncidentForNotice {
  id: string;
  /** the readable number (YA…), sent to partners to quote */
  number?: string | null;
  townId: string;
  /** the town's code (sender `zhizhi@<code>.gov.cn`) and name (senderName) */
  townCode: string;
  townName: string;
  hazard: Hazard;
  /** the level the alert tells of (after a level change: the new one) */
  level: PlanLevel;
  drill: boolean;
  /** the snapshot's notice texts (snapshot.notice) */
  notice: PlanNotice;
  lng: number | null;
  lat: number | null;
  affectedGridIds: string[];
  /** the alerts already on the incident, in order (incidents.cap_alerts as it was read) */
  capAlerts: CapAlert[];
  /** when it began (CAP onset); default: none */
  onsetAt?: Date | null;
}

export interface NoticeRecipient { id: string; name: string | null; roleKey: string; roleName: string }

/** the key of the n-th CAP alert (1-based) of an incident, one delivery per webhook and key */
export const noticeKeyOf = (incidentId: string, seq: number) => `incident:${incidentId}:${seq}`;

/** a circle of this radius around the incident's point when it has no affected grid */
const CIRCLE_KM = 1;

/**
 * Drafts, validates (422 CAP_INVALID with the reasons, nothing written), stores and queues the incident's next CAP alert;
 * answers it. `Update` and `Cancel` reference every earlier alert of the incident.
 */
export async function draftAndQueueNotice(
  tx: Tx, incident: IncidentForNotice, msgType: Extract<CapMsgType, 'Alert' | 'Update' | 'Cancel'>, now: Date, _pii?: PiiCipher,
): Promise<CapAlert> {
  const seq = incident.capAlerts.length + 1;
  const polygons = await gridPolygons(tx, incident.affectedGridIds);
  const center = incident.lng != null && incident.lat != null ? { lng: incident.lng, lat: incident.lat } : await townPoint(tx, incident.townId);
  const area = {
    areaDesc: incident.notice.areaDesc || incident.townName,
    polygons,
    ...(polygons.length === 0 && center ? { circle: { center, radiusKm: CIRCLE_KM } } : {}),
  };
  const alert = draftCapAlert({
    incidentId: incident.id, seq, townCode: incident.townCode, townName: incident.townName, drill: incident.drill, msgType,
    references: msgType === 'Alert' ? [] : incident.capAlerts, notice: incident.notice, hazard: incident.hazard,
    level: incident.level, sentAt: now, onsetAt: incident.onsetAt ?? null, area,
  });
  const refusals = capRefusals(alert);
  if (refusals.length > 0) {
    throw new AppError('CAP_INVALID', `The incident's CAP alert is not valid: ${refusals.join('; ')}`,
      `预警信息不符合 CAP 1.2 规范：${refusals.join('；')}`, { reasons: refusals });
  }

  await tx.query(`update incidents set cap_alerts = cap_alerts || $2::jsonb where id = $1`, [incident.id, JSON.stringify([alert])]);

  const recipients = await roleHolders(tx, incident.id);
  const partners = await queueIncidentNotice(tx, incident, alert, seq, now);
  await tx.query(
    `insert into incident_events (incident_id, at, action, actor_id, actor_name, data) values ($1, $2, 'notified', null, null, $3::jsonb)`,
    [incident.id, now, JSON.stringify({
      seq, msgType, identifier: alert.identifier, status: alert.status,
      recipients: recipients.map((r) => ({ id: r.id, name: r.name, roleKey: r.roleKey, roleName: r.roleName })),
      partners: partners.map((p) => ({ id: p.id, name: p.name })),
    })]);
  return alert;
}

/**
 * What a partner receives about an incident: the CAP alert as XML (urn:oasis:names:tc:emergency:cap:1.2, to pass on as
 * it is) and as JSON, with the incident's number, hazard, level and whether it is a drill. No names or phones.
 */
export function incidentPayload(incident: IncidentForNotice, alert: CapAlert, seq: number): Record<string, unknown> {
  return {
    event: 'incident.notice',
    incident: {
      id: incident.id, number: incident.number ?? null, hazard: incident.hazard, level: incident.level, drill: incident.drill,
      town: { id: incident.townId, code: incident.townCode, name: incident.townName },
      location: incident.lng != null && incident.lat != null ? { lng: incident.lng, lat: incident.lat } : null,
    },
    seq,
    msgType: alert.msgType,
    cap: alert,
    capXml: capToXml(alert),
  };
}

/**
 * Queues one delivery per active partner webhook of the town whose hazards hold the incident's hazard or '*'
 * (notice_key `incident:<id>:<seq>`: a second call for the same alert queues nothing). Answers the partners queued.
 */
export async function queueIncidentNotice(
  tx: Tx, incident: IncidentForNotice, alert: CapAlert, seq: number, now: Date,
): Promise<{ id: string; name: string }[]> {
  const payload = incidentPayload(incident, alert, seq);
  const r = await tx.query<{ id: string; name: string }>(
    `with queued as (
       insert into webhook_deliveries (webhook_id, incident_id, notice_key, payload, next_attempt_at, created_at)
       select w.id, $2, $3, $4::jsonb, $6, $6 from partner_webhooks w
        where w.town_id = $1 and w.active and ($5 = any(w.hazards) or '*' = any(w.hazards))
       on conflict (webhook_id, notice_key) where notice_key is not null do nothing
       returning webhook_id)
     select w.id, w.name from queued q join partner_webhooks w on w.id = q.webhook_id order by w.name, w.id`,
    [incident.townId, incident.id, noticeKeyOf(incident.id, seq), JSON.stringify(payload), incident.hazard, now]);
  return r.rows;
}

/** the accounts that hold the incident's roles (resolved at activation), with their names */
async function roleHolders(tx: Tx, incidentId: string): Promise<NoticeRecipient[]> {
  const r = await tx.query<NoticeRecipient>(
    `select a.id, a.name, ir.role_key as "roleKey", ir.name as "roleName"
       from incident_roles ir join accounts a on a.id = any(ir.holder_ids)
      where ir.incident_id = $1 order by ir.role_key, array_position(ir.holder_ids, a.id)`, [incidentId]);
  return r.rows;
}

type Ring = number[][];
/** the outer rings of the grids' boundaries (GeoJSON Polygon or MultiPolygon), as CAP polygons want them */
async function gridPolygons(tx: Tx, gridIds: string[]): Promise<{ lng: number; lat: number }[][]> {
  if (gridIds.length === 0) return [];
  const r = await tx.query<{ geometry: { type: string; coordinates: unknown } | null }>(
    `select geometry from org_units where id = any($1) and geometry is not null order by id`, [gridIds]);
  const out: { lng: number; lat: number }[][] = [];
  for (const { geometry: g } of r.rows) {
    const rings: Ring[] = g?.type === 'Polygon' ? [(g.coordinates as Ring[])[0]!]
      : g?.type === 'MultiPolygon' ? (g.coordinates as Ring[][]).map((p) => p[0]!) : [];
    for (const ring of rings) {
      if (!ring || ring.length < 4) continue;
      out.push(ring.map(([lng, lat]) => ({ lng: round(lng!), lat: round(lat!) })));
    }
  }
  return out;
}

const round = (x: number) => Math.round(x * 1e6) / 1e6;

/** the middle of the town's boundary box, when the incident has no point of its own */
async function townPoint(tx: Tx, townId: string): Promise<{ lng: number; lat: number } | null> {
  const r = await tx.query<{ geometry: { type: string; coordinates: unknown } | null }>(`select geometry from org_units where id = $1`, [townId]);
  const g = r.rows[0]?.geometry;
  if (!g) return null;
  const pts = (JSON.stringify(g.coordinates).match(/-?\d+(\.\d+)?,-?\d+(\.\d+)?/g) ?? []).map((s) => s.split(',').map(Number) as [number, number]);
  if (pts.length === 0) return null;
  const lngs = pts.map((p) => p[0]); const lats = pts.map((p) => p[1]);
  return { lng: round((Math.min(...lngs) + Math.max(...lngs)) / 2), lat: round((Math.min(...lats) + Math.max(...lats)) / 2) };
}
