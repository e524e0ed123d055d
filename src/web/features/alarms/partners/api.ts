// Partner calls of the desktop pages: webhooks to partners (合作方通知) with their delivery log and test-send, and the
// platforms that send alerts in (平台接入) with their keys and type → matter maps.
import type { Static } from '@sinclair/typebox';
import { api } from '../../../lib/api.ts';
import type * as s from '../../../../server/alarms/partner-schemas.ts';

export type Webhook = Static<typeof s.Webhook>;
export type WebhookList = Static<typeof s.WebhookList>;
export type WebhookSaved = Static<typeof s.WebhookSaved>;
export type WebhookBody = Static<typeof s.WebhookBody>;
export type WebhookUpdate = Static<typeof s.WebhookUpdate>;
export type Delivery = Static<typeof s.Delivery>;
export type DeliveryPage = Static<typeof s.DeliveryPage>;
export type Platform = Static<typeof s.Platform>;
export type PlatformList = Static<typeof s.PlatformList>;
export type PlatformBody = Static<typeof s.PlatformBody>;
export type PlatformUpdate = Static<typeof s.PlatformUpdate>;
export type PlatformKeyed = Static<typeof s.PlatformKeyed>;

const enc = encodeURIComponent;

export const listWebhooks = (signal?: AbortSignal) => api<WebhookList>('/api/webhooks', { signal });
export const createWebhook = (body: WebhookBody, idempotencyKey: string) =>
  api<WebhookSaved>('/api/webhooks', { method: 'POST', body, headers: { 'idempotency-key': idempotencyKey } });
export const updateWebhook = (id: string, body: WebhookUpdate) => api<WebhookSaved>(`/api/webhooks/${enc(id)}`, { method: 'PUT', body });
export const testWebhook = (id: string) => api<Delivery>(`/api/webhooks/${enc(id)}/test`, { method: 'POST' });
export const listDeliveries = (id: string, before: string | null, signal?: AbortSignal) =>
  api<DeliveryPage>(`/api/webhooks/${enc(id)}/deliveries`, { query: { before }, signal });

export const listPlatforms = (signal?: AbortSignal) => api<PlatformList>('/api/alert-platforms', { signal });
export const registerPlatform = (body: PlatformBody) => api<PlatformKeyed>('/api/alert-platforms', { method: 'POST', body });
export const updatePlatform = (id: string, body: PlatformUpdate) => api<Platform>(`/api/alert-platforms/${enc(id)}`, { method: 'PUT', body });
export const rotatePlatformKey = (id: string, version: number) =>
  api<PlatformKeyed>(`/api/alert-platforms/${enc(id)}/key`, { method: 'POST', body: { version } });
