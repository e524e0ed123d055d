import { randomBytes } from 'node:crypto';
import type { Tx } from '../platform/db/db.ts';
import type { PiiCipher } from '../platform/pii-cipher.ts';
import type { Principal } from '../platform/auth.ts';
import { AppError, notFound } from '../platform/errors.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { findTownHoldingPath, findTownInScope } from '../org/town-store.ts';
import { checkTargetUrl, type TargetRefusal } from '../../domain/alarms/webhook-target.ts';
import * as store from './webhook-store.ts';
import { allowPrivateTargets, outcomeOf, postSigned, signedRequest } from './deliver-webhooks.ts';

export interface WebhookActor { principal: Principal; ip: string | null; now: Date }

const TARGET_MESSAGES: Record<TargetRefusal, [string, string]> = {
  url: ['The URL is not a valid URL.', '地址不是有效的网址。'],
  scheme: ['Only http and https URLs are allowed.', '只允许 http 或 https 地址。'],
  credentials: ['The URL may not carry a user name or password; the signature proves the sender.', '地址中不能包含用户名或密码，由签名证明来源。'],
  private: ['The URL points at a loopback or private network address, which webhooks may not reach.', '地址指向本机或内网，合作方通知不能发往该地址。'],
};

export function checkUrl(url: string): void {
  const refusal = checkTargetUrl(url, allowPrivateTargets());
  if (refusal) {
    const [en, zh] = TARGET_MESSAGES[refusal];
    throw new AppError('WEBHOOK_INVALID', en, zh, { field: 'url', refusal });
  }
}

/** A partner takes some alarm types, or the incidents of some hazards (数字预案), or both; never nothing. */
function checkTakesSomething(alarmTypes: readonly string[], hazards: readonly string[]): void {
  if (alarmTypes.length === 0 && hazards.length === 0) {
    throw new AppError('WEBHOOK_INVALID', 'Pick the alarm types or the hazards (incidents) this partner takes.', '请选择该合作方接收的告警类型或预案事件类别。',
      { field: 'alarmTypes' });
  }
}

const newSecret = () => `whsec_${randomBytes(24).toString('base64url')}`;
const scopeOf = (p: Principal) => {
  if (!p.scopePath) throw notFound('webhook');
  return p.scopePath;
};

/** A partner webhook of a town the caller reaches; answers its id and the secret (to be shown once). */
export async function createWebhook(
  tx: Tx, pii: PiiCipher, body: { townId?: string | undefined; name: string; url: string; alarmTypes: string[]; hazards?: string[] | undefined; active?: boolean | undefined }, by: WebhookActor,
): Promise<{ id: string; secret: string }> {
  const scope = scopeOf(by.principal);
  const town = body.townId ? await findTownInScope(tx, body.townId, scope) : await findTownHoldingPath(tx, scope);
  if (!town) {
    if (body.townId) throw notFound('town');
    throw new AppError('VALIDATION_FAILED', 'Name the town (townId) whose alarms go to this partner.', '请选择该合作方接收哪个镇街的告警。');
  }
  checkUrl(body.url);
  checkTakesSomething(body.alarmTypes, body.hazards ?? []);
  const secret = newSecret();
  const id = await store.insertWebhook(tx, {
    townId: town.id, name: body.name.trim(), url: body.url.trim(), secret: pii.encrypt(secret), alarmTypes: body.alarmTypes, hazards: body.hazards ?? [],
    active: body.active ?? true, createdBy: by.principal.accountId,
  }, by.now);
  await appendAudit(tx, {
    at: by.now, actorId: by.principal.accountId, actorName: by.principal.name, ip: by.ip, action: 'webhook.create', targetType: 'webhook', targetId: id,
    success: true, detail: { townId: town.id, name: body.name, url: body.url, alarmTypes: body.alarmTypes, hazards: body.hazards ?? [] },
  });
  return { id, secret };
}

/** Changes a webhook (version checked); `rotateSecret` answers the new secret, once. */
export async function updateWebhook(
  tx: Tx, pii: PiiCipher, id: string,
  body: { name: string; url: string; alarmTypes: string[]; hazards?: string[] | undefined; active: boolean; version: number; rotateSecret?: boolean | undefined }, by: WebhookActor,
): Promise<{ secret: string | null }> {
  const w = await store.findWebhook(tx, scopeOf(by.principal), id, true);
  if (!w) throw notFound('webhook');
  checkUrl(body.url);
  checkTakesSomething(body.alarmTypes, body.hazards ?? w.hazards);
  const secret = body.rotateSecret ? newSecret() : null;
  const ok = await store.updateWebhook(tx, id, body.version, {
    name: body.name.trim(), url: body.url.trim(), alarmTypes: body.alarmTypes, hazards: body.hazards ?? null, active: body.active, secret: secret ? pii.encrypt(secret) : null,
  }, by.now);
  if (!ok) throw new AppError('CONFLICT', 'The webhook was changed by someone else: reload it and try again.', '该通知已被他人修改，请刷新后重试。');
  await appendAudit(tx, {
    at: by.now, actorId: by.principal.accountId, actorName: by.principal.name, ip: by.ip, action: 'webhook.update', targetType: 'webhook', targetId: id,
    success: true, detail: {
      name: body.name, url: body.url, alarmTypes: body.alarmTypes, ...(body.hazards ? { hazards: body.hazards } : {}), active: body.active, secretRotated: secret !== null,
      ...(w.url !== body.url ? { previousUrl: w.url } : {}),
    },
  });
  return { secret };
}

/**
 * Sends a test payload to the webhook now, once, signed as a real one (no retries), and keeps it in the delivery
 * log. The POST happens outside any transaction; the log row and the audit entry are written after it.
 */
export async function testWebhook(
  db: { transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T> } & Tx, pii: PiiCipher, id: string, by: WebhookActor, timeoutMs = 5000,
): Promise<string> {
  const w = await store.findWebhook(db, scopeOf(by.principal), id);
  if (!w) throw notFound('webhook');
  const secret = pii.tryDecrypt(w.secret);
  if (secret === null) {
    throw new AppError('WEBHOOK_INVALID', 'The webhook\'s secret cannot be opened with this server\'s key: rotate it.', '无法读取该通知的签名密钥，请重新生成密钥。');
  }
  const payload = {
    event: 'test', test: true, town: { id: w.town_id, name: w.town_name },
    message: '这是一条测试通知 / This is a test notification from Zhizhi.',
  };
  const deliveryId = `test-${randomBytes(8).toString('hex')}`;
  const req = signedRequest(secret, deliveryId, payload, 1, by.now);
  const result = await postSigned(w.url, req.body, req.headers, { allowPrivate: allowPrivateTargets(), timeoutMs });
  const outcome = outcomeOf(result, 1, by.now);
  const final = outcome.status === 'pending' ? { ...outcome, status: 'failed' as const } : outcome;
  return db.transaction(async (tx) => {
    const rowId = await store.insertTestDelivery(tx, w.id, { ...payload, deliveryId }, final, by.now);
    await appendAudit(tx, {
      at: by.now, actorId: by.principal.accountId, actorName: by.principal.name, ip: by.ip, action: 'webhook.test', targetType: 'webhook', targetId: w.id,
      success: final.status === 'delivered', detail: { url: w.url, responseStatus: final.responseStatus, error: final.error },
    });
    return rowId;
  });
}
