import type { Db } from '../platform/db/db.ts';
import { AppError } from '../platform/errors.ts';
import { reportCase, type IntakeServices } from '../cases/report-case.ts';
import { alertCaseDescription, matterOf, onGround, type AlertLevel } from '../../domain/alarms/alert-mapping.ts';
import * as store from './alert-platform-store.ts';
import { keyHashOf } from './register-platform.ts';

export interface AlertInput {
  platform: string;
  type: string;
  level: AlertLevel;
  location?: { lng: number; lat: number } | undefined;
  address?: string | undefined;
  text: string;
  externalId: string;
}

export interface AlertOutcome { alertId: string; caseId: string; caseNumber: string; created: boolean }

export const apiKeyInvalid = () => new AppError('API_KEY_INVALID',
  'The X-Api-Key is missing, unknown, revoked, or not the key of the platform named in the alert.',
  'X-Api-Key 缺失、无效、已停用，或与告警中的平台不符。');

const alertInvalid = (en: string, zh: string, details?: unknown) => new AppError('ALERT_INVALID', en, zh, details);

/**
 * Another platform's alert becomes a case (source `platform`): the key names the platform, its type → matter map the
 * matter, the point (or a registered building's or place's address) the grid — which must lie on the platform's
 * ground. The same (platform, externalId) answers the first case: the case's Idempotency-Key is made of them, so a
 * retry that races the first, or comes after a crash between the case and the alert's row, still makes one case.
 */
export async function receiveAlert(db: Db, services: IntakeServices, apiKey: string | undefined, a: AlertInput, now: Date): Promise<AlertOutcome> {
  if (!apiKey || apiKey.length > 200) throw apiKeyInvalid();
  const p = await store.findPlatformByKeyHash(db, keyHashOf(apiKey));
  if (!p || !p.active || p.id !== a.platform) throw apiKeyInvalid();

  const first = await store.findAlert(db, p.id, a.externalId);
  if (first?.case_id && first.case_number) return { alertId: first.id, caseId: first.case_id, caseNumber: first.case_number, created: false };

  const matterCode = matterOf(p.type_matters, a.type);
  if (!matterCode) {
    throw alertInvalid(`The platform maps no matter to the alert type "${a.type}".`, `该平台未设置告警类型“${a.type}”对应的事项。`, { field: 'type' });
  }
  const location = a.location ?? (a.address ? await store.pointOfAddress(db, p.org_path, a.address) : null);
  if (!location) {
    throw alertInvalid(
      a.address ? 'No registered building or place on the platform\'s ground has this address: send the location.' : 'Send a location or an address.',
      a.address ? '平台辖区内没有该地址的登记楼栋或场所，请提供坐标。' : '请提供坐标或地址。', { field: a.address ? 'address' : 'location' });
  }
  const gridId = (await services.locator.current()).locate(location.lng, location.lat);
  if (!onGround(gridId ? await store.gridPathOf(db, gridId) : null, p.org_path)) {
    throw alertInvalid('The alert\'s location lies outside the platform\'s ground.', '告警位置不在该平台的接入范围内。', { field: 'location' });
  }

  let caseId: string;
  let created: boolean;
  try {
    ({ caseId, created } = await reportCase(db, services, {
      categoryCode: matterCode, description: alertCaseDescription(p.name, a), location, address: a.address, source: 'platform',
      reporter: { kind: 'platform', accountId: null, name: p.name, phone: null }, actorName: p.name, actorId: null,
      idempotencyKey: `alert:${p.id}:${a.externalId}`,
    }, now));
  } catch (err) {
    if (err instanceof AppError && err.code === 'CATEGORY_UNKNOWN') {
      throw alertInvalid(`The matter ${matterCode} of the type "${a.type}" is not in the catalog of the town at the alert's location.`,
        `告警类型“${a.type}”对应的事项 ${matterCode} 不在告警所在镇街的事项清单中。`, { field: 'type' });
    }
    throw err;
  }
  await store.insertAlert(db, {
    platformId: p.id, externalId: a.externalId, type: a.type, level: a.level, text: a.text, lng: location.lng, lat: location.lat,
    address: a.address ?? null, caseId,
  }, now);
  const row = await store.findAlert(db, p.id, a.externalId);
  if (!row?.case_id || !row.case_number) throw new Error(`alert ${a.externalId} of ${p.id} has no case`);
  return { alertId: row.id, caseId: row.case_id, caseNumber: row.case_number, created: created && row.case_id === caseId };
}
