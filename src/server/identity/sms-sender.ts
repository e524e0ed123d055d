// Text messages to mobile numbers (verification codes). A gateway is reached through one small HTTP contract that an
// adapter for any SMS provider (Aliyun, Tencent Cloud, a carrier's CMPP gateway …) can receive:
//
//   POST $SMS_WEBHOOK_URL   Authorization: Bearer $SMS_WEBHOOK_TOKEN (when set)   Content-Type: application/json
//   { "to": "13800001111", "template": "register_code", "params": { "code": "123456", "minutes": 10 }, "text": "…" }
//   → any 2xx when the gateway took the message; anything else is a failure (the code is then forgotten).
//
// Without a gateway, outside production, the message is written to the server log, labelled, so a developer can
// register; in production there is no sender and registration answers 503 SMS_UNAVAILABLE.
import type { FastifyBaseLogger } from 'fastify';
import { maskPhone } from '../../domain/identity/personal-data.ts';

export interface SmsMessage {
  to: string;
  template: 'register_code';
  params: Record<string, string | number>;
  /** the message as a person reads it (Chinese), for gateways that send text rather than templates */
  text: string;
}

export interface SmsSender {
  /** where messages go, for the start-up log and the health of registration */
  readonly kind: 'webhook' | 'log';
  /** resolves once the gateway took the message; rejects otherwise */
  send(m: SmsMessage): Promise<void>;
}

/** `Config.sms`: SMS_WEBHOOK_URL and SMS_WEBHOOK_TOKEN */
export interface SmsSettings {
  webhookUrl: string | null;
  webhookToken: string | null;
}

/** Posts each message to the gateway adapter; a gateway that does not answer within `timeoutMs` has failed. */
export function webhookSender(url: string, token: string | null, timeoutMs = 10_000): SmsSender {
  return {
    kind: 'webhook',
    async send(m) {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify(m),
        signal: AbortSignal.timeout(timeoutMs),
      });
      if (!res.ok) throw new Error(`SMS gateway answered ${res.status}`);
    },
  };
}

/** Development only: the message goes to the server log (level warn, so it shows with the default log level). */
export function logSender(log: FastifyBaseLogger): SmsSender {
  return {
    kind: 'log',
    async send(m) {
      log.warn({ sms: { to: maskPhone(m.to), template: m.template } },
        `[SMS NOT SENT: no gateway (SMS_WEBHOOK_URL unset), development only] to ${m.to}: ${m.text}`);
    },
  };
}

/** The sender the settings name; null in production without a gateway (registration is then refused). */
export function smsSenderFor(s: SmsSettings, production: boolean, log: FastifyBaseLogger): SmsSender | null {
  if (s.webhookUrl) return webhookSender(s.webhookUrl, s.webhookToken);
  return production ? null : logSender(log);
}
