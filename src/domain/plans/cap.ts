import {
  CAP_CATEGORIES, CAP_CERTAINTIES, CAP_MSG_TYPES, CAP_SCOPES, CAP_SEVERITIES, CAP_STATUSES, CAP_URGENCIES,
  type CapAlert, type CapCategory, type CapMsgType, type CapSeverity, type Hazard, type PlanLevel, type PlanNotice,
} from '../../shared/plans.ts';
import { levelName } from './plan-rules.ts';

/*
 * The incident's notification as a CAP 1.2 alert (OASIS Common Alerting Protocol): drafted from the plan's notice texts,
 * and checked against the schema's rules and the standard's time rules before anything goes out. XML is written by the
 * server (src/server/plans/cap-xml.ts); here only plain data.
 */

const HOUR_MS = 3_600_000;
const CHINA_OFFSET_MS = 8 * HOUR_MS;
const HEADLINE_MAX = 160;

/** Severity from the response level when the plan's notice names none: Ⅰ Extreme, Ⅱ Severe, Ⅲ Moderate, Ⅳ Minor. */
export const SEVERITY_OF_LEVEL: Record<PlanLevel, CapSeverity> = { I: 'Extreme', II: 'Severe', III: 'Moderate', IV: 'Minor' };

/** The CAP categories of a hazard (flood and heat are meteorological; a crack or a falling wall is safety and infrastructure). */
export const CATEGORIES_OF_HAZARD: Record<Hazard, CapCategory[]> = {
  forestFire: ['Fire'],
  flood: ['Met'],
  geologicalHazard: ['Geo'],
  buildingCrack: ['Safety', 'Infra'],
  heatWave: ['Met', 'Health'],
  fire: ['Fire'],
  hazmat: ['CBRNE'],
  publicHealth: ['Health'],
  other: ['Other'],
};

/** A CAP dateTime: China time with its zone written out, no milliseconds (2026-12-03T11:31:00+08:00). */
export function capTime(at: Date): string {
  const shifted = new Date(Math.floor(at.getTime() / 1000) * 1000 + CHINA_OFFSET_MS);
  return `${shifted.toISOString().slice(0, 19)}+08:00`;
}

/** The CAP dateTime pattern (the schema's): seconds, no fraction, a zone as ±hh:mm ("Z" is not allowed). */
export const CAP_TIME_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[-+]\d{2}:\d{2}$/;

/** The instant of a CAP dateTime in ms, or null when it does not follow the pattern or names no real time. */
export function parseCapTime(text: string): number | null {
  if (!CAP_TIME_PATTERN.test(text)) return null;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? null : ms;
}

/** How an alert is referred to by a later one: "sender,identifier,sent". */
export function capReference(alert: Pick<CapAlert, 'sender' | 'identifier' | 'sent'>): string {
  return `${alert.sender},${alert.identifier},${alert.sent}`;
}

const coord = (n: number) => String(Number(n.toFixed(6)));

/** A ring of points as a CAP polygon ("lat,lng lat,lng …", latitude first), closed when its last point is not its first. */
export function capPolygon(ring: readonly { lng: number; lat: number }[]): string {
  const pts = ring.map((p) => `${coord(p.lat)},${coord(p.lng)}`);
  if (pts.length > 0 && pts[0] !== pts[pts.length - 1]) pts.push(pts[0]!);
  return pts.join(' ');
}

/** A circle as CAP writes it: "lat,lng radiusKm". */
export function capCircle(center: { lng: number; lat: number }, radiusKm: number): string {
  return `${coord(center.lat)},${coord(center.lng)} ${coord(radiusKm)}`;
}

export interface CapDraftInput {
  incidentId: string;
  /** 1 for the first alert of the incident, then 2, 3 … (part of the identifier) */
  seq: number;
  townCode: string;
  townName: string;
  drill: boolean;
  msgType: Extract<CapMsgType, 'Alert' | 'Update' | 'Cancel'>;
  /** the earlier alerts this one updates or cancels */
  references: readonly Pick<CapAlert, 'sender' | 'identifier' | 'sent'>[];
  notice: PlanNotice;
  hazard: Hazard;
  level: PlanLevel;
  sentAt: Date;
  /** when the danger begins; an onset before sentAt is left out (the event is under way, and CAP wants onset ≥ sent) */
  onsetAt?: Date | null;
  area: {
    areaDesc: string;
    polygons: { lng: number; lat: number }[][];
    circle?: { center: { lng: number; lat: number }; radiusKm: number } | null;
  };
  /** the alert's note (a stand-down's reason); a drill's note says it is a drill */
  note?: string | null;
}

/** The alert's identifier: unique per incident and sequence, without spaces, commas, `<` or `&`. */
export function capIdentifier(townCode: string, incidentId: string, seq: number): string {
  return `zhizhi.${townCode}.${incidentId}.${seq}`.replace(/[\s,<&]/g, '-');
}

/** The sender: zhizhi@<townCode>.gov.cn. */
export function capSender(townCode: string): string {
  return `zhizhi@${townCode}.gov.cn`.replace(/[\s,<&]/g, '-');
}

function headlineOf(input: CapDraftInput): string {
  const prefix = (input.drill ? '【演练】' : '') + (input.msgType === 'Cancel' ? '【解除】' : input.msgType === 'Update' ? '【更新】' : '');
  const text = `${prefix}${input.notice.headline.trim()}（${levelName(input.level)}响应）`;
  return text.length <= HEADLINE_MAX ? text : `${text.slice(0, HEADLINE_MAX - 1)}…`;
}

/**
 * The CAP alert of an incident's notification. Status Exercise for a drill, else Actual; effective = sent; expires =
 * sent + the notice's hours; severity from the level unless the notice names one; category from the hazard; language
 * zh-CN; times in China time without milliseconds. Check the result with capRefusals before it goes out.
 */
export function draftCapAlert(input: CapDraftInput): CapAlert {
  const sent = capTime(input.sentAt);
  const sentMs = Math.floor(input.sentAt.getTime() / 1000) * 1000;
  const onset = input.onsetAt && input.onsetAt.getTime() >= sentMs ? capTime(input.onsetAt) : null;
  const note = input.note?.trim() ? input.note.trim() : input.drill ? '演练，非真实事件' : null;
  const polygons = input.area.polygons.map(capPolygon);
  const circles = input.area.circle ? [capCircle(input.area.circle.center, input.area.circle.radiusKm)] : [];
  return {
    identifier: capIdentifier(input.townCode, input.incidentId, input.seq),
    sender: capSender(input.townCode),
    sent,
    status: input.drill ? 'Exercise' : 'Actual',
    msgType: input.msgType,
    scope: 'Public',
    references: input.references.map(capReference),
    note,
    info: {
      language: 'zh-CN',
      category: [...CATEGORIES_OF_HAZARD[input.hazard]],
      event: input.notice.event,
      urgency: input.notice.urgency,
      severity: input.notice.severity ?? SEVERITY_OF_LEVEL[input.level],
      certainty: input.notice.certainty,
      effective: sent,
      onset,
      expires: capTime(new Date(sentMs + input.notice.expiresAfterH * HOUR_MS)),
      senderName: `${input.townName}基层治理指挥中心`,
      headline: headlineOf(input),
      description: input.notice.description,
      instruction: input.notice.instruction,
      area: { areaDesc: input.area.areaDesc, polygons, circles },
    },
  };
}

const TOKEN = /^[^\s,<&]+$/;
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/;
const NUM = '[-+]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)';
const POINT = new RegExp(`^(${NUM}),(${NUM})$`);
const CIRCLE = new RegExp(`^(${NUM}),(${NUM}) (${NUM})$`);

function pointRefusal(text: string): string | null {
  const m = POINT.exec(text);
  if (!m) return `坐标“${text}”应写作“纬度,经度”`;
  const lat = Number(m[1]);
  const lng = Number(m[2]);
  if (lat < -90 || lat > 90 || lng < -180 || lng > 180) return `坐标“${text}”超出纬度−90～90、经度−180～180`;
  return null;
}

/** Why a polygon is not a CAP polygon (at least four "lat,lng" pairs, the last the first), or null. */
export function polygonRefusal(polygon: string): string | null {
  const pts = polygon.trim().split(/\s+/).filter(Boolean);
  if (pts.length < 4) return `多边形至少要有4个点（首尾相同），现有${pts.length}个`;
  for (const p of pts) {
    const bad = pointRefusal(p);
    if (bad) return `多边形的${bad}`;
  }
  const first = pts[0]!.split(',').map(Number);
  const last = pts[pts.length - 1]!.split(',').map(Number);
  if (first[0] !== last[0] || first[1] !== last[1]) return '多边形没有闭合（最后一点须与第一点相同）';
  return null;
}

/** Why a circle is not a CAP circle ("lat,lng radiusKm", radius not negative), or null. */
export function circleRefusal(circle: string): string | null {
  const m = CIRCLE.exec(circle.trim());
  if (!m) return `圆形区域“${circle}”应写作“纬度,经度 半径公里”`;
  const bad = pointRefusal(`${m[1]},${m[2]}`);
  if (bad) return `圆形区域的${bad}`;
  if (Number(m[3]) < 0) return `圆形区域“${circle}”的半径不能为负`;
  return null;
}

/**
 * Why an alert would not pass: the CAP 1.2 schema's rules (required fields, enumerations, identifier and sender without
 * spaces, commas, `<` or `&`, dateTimes with a zone and no fraction, polygons and circles) and the standard's rules the
 * schema cannot say (sent not after effective, onset or expires; effective and onset not after expires; an Update or
 * Cancel names what it refers to; scope Public, since this alert carries no restriction or addresses). Each in Chinese.
 */
export function capRefusals(alert: CapAlert): string[] {
  const out: string[] = [];
  const oneOf = (label: string, value: string, allowed: readonly string[]) => {
    if (!allowed.includes(value)) out.push(`${label}“${value}”不是CAP 1.2允许的取值`);
  };
  const token = (label: string, value: string) => {
    if (!value) out.push(`${label}不能为空`);
    else if (!TOKEN.test(value)) out.push(`${label}“${value}”不能含空格、逗号、“<”或“&”`);
  };
  const time = (label: string, value: string): number | null => {
    const ms = parseCapTime(value);
    if (ms === null) out.push(`${label}“${value}”不是带时区的CAP时间（如2026-12-03T11:30:00+08:00）`);
    return ms;
  };

  token('标识', alert.identifier);
  token('发送方', alert.sender);
  const sent = time('发送时间', alert.sent);
  oneOf('状态', alert.status, CAP_STATUSES);
  oneOf('消息类型', alert.msgType, CAP_MSG_TYPES);
  oneOf('范围', alert.scope, CAP_SCOPES);
  if (alert.scope !== 'Public') out.push('范围须为Public（本预警不带限制说明与收件地址）');

  for (const ref of alert.references) {
    const parts = ref.split(',');
    if (parts.length !== 3 || !TOKEN.test(parts[0]!) || !TOKEN.test(parts[1]!) || parseCapTime(parts[2]!) === null) {
      out.push(`引用“${ref}”应写作“发送方,标识,发送时间”`);
    }
  }
  if ((alert.msgType === 'Update' || alert.msgType === 'Cancel') && alert.references.length === 0) {
    out.push(`${alert.msgType === 'Update' ? '更新' : '取消'}消息须引用此前的预警`);
  }

  const info = alert.info;
  if (!info.language.trim() || !/^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$/.test(info.language)) out.push(`语言“${info.language}”不是语言代码`);
  if (info.category.length === 0) out.push('至少要有一个类别');
  for (const c of info.category) oneOf('类别', c, CAP_CATEGORIES);
  if (!info.event.trim()) out.push('事件名称不能为空');
  oneOf('紧急程度', info.urgency, CAP_URGENCIES);
  oneOf('严重程度', info.severity, CAP_SEVERITIES);
  oneOf('确定程度', info.certainty, CAP_CERTAINTIES);
  const effective = time('生效时间', info.effective);
  const onset = info.onset === null ? null : time('开始时间', info.onset);
  const expires = time('失效时间', info.expires);
  if (info.headline.length > HEADLINE_MAX) out.push(`标题超过${HEADLINE_MAX}个字`);
  if (!info.area.areaDesc.trim()) out.push('影响区域描述不能为空');
  for (const p of info.area.polygons) {
    const bad = polygonRefusal(p);
    if (bad) out.push(bad);
  }
  for (const c of info.area.circles) {
    const bad = circleRefusal(c);
    if (bad) out.push(bad);
  }

  const texts = [alert.note ?? '', info.event, info.senderName, info.headline, info.description, info.instruction, info.area.areaDesc];
  if (texts.some((t) => CONTROL.test(t))) out.push('文字中含有控制字符');

  if (sent !== null) {
    if (effective !== null && sent > effective) out.push('发送时间晚于生效时间');
    if (onset !== null && sent > onset) out.push('发送时间晚于开始时间');
    if (expires !== null && sent > expires) out.push('发送时间晚于失效时间');
  }
  if (effective !== null && expires !== null && effective > expires) out.push('生效时间晚于失效时间');
  if (onset !== null && expires !== null && onset > expires) out.push('开始时间晚于失效时间');
  return out;
}
