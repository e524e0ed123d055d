import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { request as httpRequest, type RequestOptions } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import type { Db, Tx } from '../platform/db/db.ts';
import type { PiiCipher } from '../platform/pii-cipher.ts';
import { notifyCaseChange } from '../platform/live.ts';
import { findCase, insertEvent } from '../cases/store.ts';
import { SIGNATURE_HEADER } from '../../domain/alarms/webhook-signature.ts';
import { signatureHeader } from './webhook-signing.ts';
import { isDelivered, isRetryable, nextAttemptAt, MAX_ATTEMPTS } from '../../domain/alarms/retry-backoff.ts';
import { checkTargetUrl, isPrivateAddress } from '../../domain/alarms/webhook-target.ts';
import { claimDueDeliveries, recordAttempt, type AttemptOutcome, type DueDelivery } from './webhook-store.ts';

/** WEBHOOK_ALLOW_PRIVATE=1 lets webhooks reach loopback and private addresses (tests, a partner on the same LAN). */
export const allowPrivateTargets = (env: NodeJS.ProcessEnv = process.env): boolean => env.WEBHOOK_ALLOW_PRIVATE === '1';

export interface SendResult { status: number | null; error: string | null }

const MAX_ERROR = 300;
const short = (s: string) => (s.length > MAX_ERROR ? `${s.slice(0, MAX_ERROR - 1)}…` : s);

/** A DNS look-up that refuses a name resolving to a private address (checked at connection time: no DNS rebinding). */
const guardedLookup = (allowPrivate: boolean): LookupFunction => (hostname, options, cb) => {
  dnsLookup(hostname, { ...options, all: true }, (err, found) => {
    const addresses = found as unknown as LookupAddress[];
    if (err) return (cb as (e: Error) => void)(err);
    const inside = addresses.find((a) => isPrivateAddress(a.address));
    if (inside && !allowPrivate) {
      return (cb as (e: Error) => void)(Object.assign(new Error(`${hostname} resolves to a private address (${inside.address})`), { code: 'EPRIVATE' }));
    }
    if ((options as { all?: boolean }).all) return (cb as (e: null, a: LookupAddress[]) => void)(null, addresses);
    return (cb as (e: null, a: string, f: number) => void)(null, addresses[0]!.address, addresses[0]!.family);
  });
};

/**
 * One POST of a signed JSON body: no redirects followed, a few seconds at most, the answer's body read and dropped
 * (64 KB at most). Never throws: a refusal of the target, a network error or a timeout is the `error`.
 */
export function postSigned(url: string, body: string, headers: Record<string, string>, o: { allowPrivate: boolean; timeoutMs: number }): Promise<SendResult> {
  const refusal = checkTargetUrl(url, o.allowPrivate);
  if (refusal) return Promise.resolve({ status: null, error: `target refused: ${refusal}` });
  return new Promise((resolve) => {
    let done = false;
    const finish = (r: SendResult) => {
      if (done) return;
      done = true;
      resolve(r);
    };
    const target = new URL(url);
    const options: RequestOptions = {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8', 'content-length': String(Buffer.byteLength(body)), 'user-agent': 'Zhizhi-Webhooks/1', ...headers },
      lookup: guardedLookup(o.allowPrivate),
      timeout: o.timeoutMs,
    };
    const req = (target.protocol === 'https:' ? httpsRequest : httpRequest)(target, options, (res) => {
      let read = 0;
      res.on('data', (chunk: Buffer) => {
        read += chunk.length;
        if (read > 65536) res.destroy();
      });
      res.on('end', () => finish({ status: res.statusCode ?? null, error: isDelivered(res.statusCode ?? 0) ? null : `HTTP ${res.statusCode}` }));
      res.on('close', () => finish({ status: res.statusCode ?? null, error: isDelivered(res.statusCode ?? 0) ? null : `HTTP ${res.statusCode}` }));
      res.on('error', () => undefined);
    });
    req.on('timeout', () => {
      req.destroy(Object.assign(new Error(`no answer within ${o.timeoutMs} ms`), { code: 'ETIMEDOUT' }));
    });
    req.on('error', (err: Error & { code?: string }) => finish({ status: null, error: short(err.message || err.code || 'network error') }));
    req.end(body);
  });
}

/** The body and headers of one attempt: the payload with the delivery's id, signed with the webhook's secret. */
export function signedRequest(secret: string, deliveryId: string, payload: Record<string, unknown>, attempt: number, now: Date): { body: string; headers: Record<string, string> } {
  const body = JSON.stringify({ deliveryId, attempt, sentAt: now.toISOString(), ...payload });
  return {
    body,
    headers: {
      [SIGNATURE_HEADER]: signatureHeader(secret, now, body),
      'x-zhizhi-delivery': deliveryId,
      'x-zhizhi-event': String(payload.event ?? 'alarm.raised'),
    },
  };
}

/** What an attempt's answer makes of the delivery: delivered, tried again later, or failed for good. */
export function outcomeOf(result: SendResult, attempts: number, now: Date, random = Math.random()): AttemptOutcome {
  if (result.status !== null && isDelivered(result.status)) {
    return { status: 'delivered', attempts, nextAttemptAt: now, error: null, responseStatus: result.status, deliveredAt: now };
  }
  const next = isRetryable(result.status) ? nextAttemptAt(attempts, now, random) : null;
  return {
    status: next ? 'pending' : 'failed', attempts, nextAttemptAt: next ?? now, error: result.error ?? `HTTP ${result.status}`,
    responseStatus: result.status, deliveredAt: null,
  };
}

export interface DeliveryRun { sent: number; delivered: number; retrying: number; failed: number }

const LEASE_MS = 60_000;

/**
 * Sends the partner webhooks that are due (the alarm clock calls it each tick): claims them across nodes, POSTs each
 * signed, then records the outcome; a delivery that got through writes `partner_notified` on its care order's timeline,
 * one that failed for good (a partner refusing the payload, or every retry spent) `partner_failed`, each published live.
 * A failed attempt with retries left waits by `nextAttemptAt` (10 s, 1 min, 5 min, 30 min, 2 h).
 */
export async function deliverDueWebhooks(
  db: Db, pii: PiiCipher, now: Date, o: { limit?: number; timeoutMs?: number; allowPrivate?: boolean } = {},
): Promise<DeliveryRun> {
  const due = await db.transaction((tx) => claimDueDeliveries(tx, now, o.limit ?? 20, LEASE_MS));
  const run: DeliveryRun = { sent: due.length, delivered: 0, retrying: 0, failed: 0 };
  if (due.length === 0) return run;
  const allowPrivate = o.allowPrivate ?? allowPrivateTargets();
  await Promise.all(due.map(async (d) => {
    const attempts = d.attempts + 1;
    const secret = pii.tryDecrypt(d.secret);
    const result: SendResult = secret === null
      ? { status: null, error: 'the webhook\'s secret cannot be opened with this server\'s key' }
      : await postSigned(d.url, ...spread(signedRequest(secret, d.id, d.payload, attempts, now)), { allowPrivate, timeoutMs: o.timeoutMs ?? 5000 });
    const outcome = secret === null ? { ...outcomeOf(result, MAX_ATTEMPTS, now), status: 'failed' as const } : outcomeOf(result, attempts, now);
    const recorded = await db.transaction(async (tx) => {
      if (!(await recordAttempt(tx, d.id, d.attempts, outcome))) return false;
      if (outcome.status !== 'pending') await onTimeline(tx, d, outcome, now);
      return true;
    });
    if (!recorded) return;
    if (outcome.status === 'delivered') run.delivered++;
    else if (outcome.status === 'failed') run.failed++;
    else run.retrying++;
  }));
  return run;
}

const spread = (r: { body: string; headers: Record<string, string> }) => [r.body, r.headers] as const;

async function onTimeline(tx: Tx, d: DueDelivery, o: AttemptOutcome, now: Date): Promise<void> {
  if (d.incident_id) return onIncidentLog(tx, d, o, now);
  if (!d.case_id) return;
  const c = await findCase(tx, d.case_id, null);
  if (!c) return;
  const action = o.status === 'delivered' ? 'partner_notified' : 'partner_failed';
  const eventId = await insertEvent(tx, {
    case_id: c.id, at: now, action, actor_id: null, actor_name: '系统', from_status: c.status, to_status: c.status, reason: null,
    data: {
      alarmId: d.alarm_id, webhookId: d.webhook_id, partner: d.webhook_name, deliveryId: d.id, attempts: o.attempts,
      responseStatus: o.responseStatus, ...(o.error ? { error: o.error } : {}),
    },
  });
  await notifyCaseChange(tx, {
    caseId: c.id, number: c.number, eventId, action, status: c.status, orgPath: c.org_path, reporterAccountId: c.reporter_account_id,
    assignee: c.assignee, departmentIds: c.department_ids, at: now.toISOString(),
  });
}

/**
 * An incident's CAP alert (数字预案) delivered or failed for good: `partner_notified` / `partner_failed` on the incident's
 * log, with the alert's sequence number from the notice key (`incident:<id>:<seq>`).
 */
async function onIncidentLog(tx: Tx, d: DueDelivery, o: AttemptOutcome, now: Date): Promise<void> {
  const action = o.status === 'delivered' ? 'partner_notified' : 'partner_failed';
  const seq = Number(d.notice_key?.split(':').pop());
  await tx.query(
    `insert into incident_events (incident_id, at, action, actor_id, actor_name, data) values ($1, $2, $3, null, '系统', $4::jsonb)`,
    [d.incident_id, now, action, JSON.stringify({
      webhookId: d.webhook_id, partner: d.webhook_name, deliveryId: d.id, seq: Number.isInteger(seq) ? seq : null, attempts: o.attempts,
      responseStatus: o.responseStatus, ...(o.error ? { error: o.error } : {}),
    })]);
}
