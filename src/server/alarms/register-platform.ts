import { createHash, randomBytes } from 'node:crypto';
import type { Tx } from '../platform/db/db.ts';
import type { Principal } from '../platform/auth.ts';
import { AppError, notFound } from '../platform/errors.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { checkTypeMatters, type MappingRefusal } from '../../domain/alarms/alert-mapping.ts';
import * as store from './alert-platform-store.ts';

export interface PlatformActor { principal: Principal; ip: string | null; now: Date }

/** An API key: 32 random bytes; only its SHA-256 is kept (a key is random, so no slow hash is needed). */
export const newApiKey = () => `zk_${randomBytes(32).toString('base64url')}`;
export const keyHashOf = (key: string) => createHash('sha256').update(key, 'utf8').digest('hex');

const scopeOf = (p: Principal) => {
  if (!p.scopePath) throw notFound('platform');
  return p.scopePath;
};

const mappingRefused = (refusals: MappingRefusal[]) => new AppError('ALERT_INVALID',
  `The type → matter map is not valid: ${refusals.map((r) => (r.code === 'tooMany' ? 'too many types' : r.code === 'typeInvalid' ? `type "${r.type}" is not a code` : `no matter ${r.matterCode} for "${r.type}"`)).join('; ')}.`,
  `告警类型与事项的对应有误：${refusals.map((r) => (r.code === 'tooMany' ? '类型过多' : r.code === 'typeInvalid' ? `类型“${r.type}”格式不对` : `“${r.type}”对应的事项 ${r.matterCode} 不存在`)).join('；')}。`,
  { refusals });

async function groundAndMap(tx: Tx, scope: string, orgUnitId: string, typeMatters: Record<string, string>) {
  const ground = await store.findGroundUnit(tx, scope, orgUnitId);
  if (!ground) throw notFound('org unit');
  const refusals = checkTypeMatters(typeMatters, await store.matterCodesOn(tx, ground.path));
  if (refusals.length > 0) throw mappingRefused(refusals);
  return ground;
}

/** Registers a platform on a ground the admin reaches; answers its API key, to be shown once. */
export async function registerPlatform(
  tx: Tx, body: { id: string; name: string; orgUnitId: string; typeMatters: Record<string, string> }, by: PlatformActor,
): Promise<{ apiKey: string }> {
  const ground = await groundAndMap(tx, scopeOf(by.principal), body.orgUnitId, body.typeMatters);
  if (await store.platformIdTaken(tx, body.id)) {
    throw new AppError('CONFLICT', `A platform with the id ${body.id} is registered already.`, `编码为 ${body.id} 的平台已存在。`);
  }
  const apiKey = newApiKey();
  await store.insertPlatform(tx, {
    id: body.id, name: body.name.trim(), orgUnitId: ground.id, orgPath: ground.path, keyHash: keyHashOf(apiKey),
    typeMatters: body.typeMatters, createdBy: by.principal.accountId,
  }, by.now);
  await appendAudit(tx, {
    at: by.now, actorId: by.principal.accountId, actorName: by.principal.name, ip: by.ip, action: 'platform.register', targetType: 'alert_platform',
    targetId: body.id, success: true, detail: { name: body.name, orgUnitId: ground.id, typeMatters: body.typeMatters },
  });
  return { apiKey };
}

export async function updatePlatform(
  tx: Tx, id: string, body: { name: string; orgUnitId: string; typeMatters: Record<string, string>; active: boolean; version: number }, by: PlatformActor,
): Promise<void> {
  const scope = scopeOf(by.principal);
  const p = await store.findPlatform(tx, scope, id, true);
  if (!p) throw notFound('platform');
  const ground = await groundAndMap(tx, scope, body.orgUnitId, body.typeMatters);
  const ok = await store.updatePlatform(tx, id, body.version, {
    name: body.name.trim(), orgUnitId: ground.id, orgPath: ground.path, typeMatters: body.typeMatters, active: body.active,
  }, by.now);
  if (!ok) throw new AppError('CONFLICT', 'The platform was changed by someone else: reload it and try again.', '该平台已被他人修改，请刷新后重试。');
  await appendAudit(tx, {
    at: by.now, actorId: by.principal.accountId, actorName: by.principal.name, ip: by.ip, action: 'platform.update', targetType: 'alert_platform',
    targetId: id, success: true, detail: { name: body.name, orgUnitId: ground.id, typeMatters: body.typeMatters, active: body.active },
  });
}

/** A new API key for the platform (version checked); the old one stops at once. Answers the key, to be shown once. */
export async function rotatePlatformKey(tx: Tx, id: string, version: number, by: PlatformActor): Promise<{ apiKey: string }> {
  const p = await store.findPlatform(tx, scopeOf(by.principal), id, true);
  if (!p) throw notFound('platform');
  const apiKey = newApiKey();
  if (!(await store.replaceKey(tx, id, version, keyHashOf(apiKey), by.now))) {
    throw new AppError('CONFLICT', 'The platform was changed by someone else: reload it and try again.', '该平台已被他人修改，请刷新后重试。');
  }
  await appendAudit(tx, {
    at: by.now, actorId: by.principal.accountId, actorName: by.principal.name, ip: by.ip, action: 'platform.key', targetType: 'alert_platform',
    targetId: id, success: true,
  });
  return { apiKey };
}
