import type { Static } from '@sinclair/typebox';
import type * as s from './partner-schemas.ts';
import type { WebhookRow, DeliveryRow } from './webhook-store.ts';
import type { PlatformRow } from './alert-platform-store.ts';

/** Webhooks and platforms as the API shows them: never a secret or a key hash. */

export function presentWebhook(w: WebhookRow): Static<typeof s.Webhook> {
  return {
    id: w.id, townId: w.town_id, townName: w.town_name, name: w.name, url: w.url, alarmTypes: w.alarm_types, hazards: w.hazards, active: w.active,
    version: w.version, createdAt: w.created_at.toISOString(), updatedAt: w.updated_at.toISOString(),
    lastDelivery: w.last_status && w.last_at ? { status: w.last_status, at: w.last_at.toISOString() } : null,
    // everyone who reaches a webhook may change and test it (WEBHOOK_ADMINS of its town)
    policies: ['edit', 'test'],
  };
}

export function presentDelivery(d: DeliveryRow): Static<typeof s.Delivery> {
  return {
    id: d.id, kind: d.alarm_id ? 'alarm' : d.incident_id ? 'incident' : 'test', alarmId: d.alarm_id,
    incidentId: d.incident_id, incidentNumber: d.incident_number, caseId: d.case_id, caseNumber: d.case_number, status: d.status,
    attempts: d.attempts, nextAttemptAt: d.status === 'pending' ? d.next_attempt_at.toISOString() : null, lastError: d.last_error,
    responseStatus: d.response_status, deliveredAt: d.delivered_at?.toISOString() ?? null, createdAt: d.created_at.toISOString(),
  };
}

export function presentPlatform(p: PlatformRow): Static<typeof s.Platform> {
  return {
    id: p.id, name: p.name, orgUnitId: p.org_unit_id, orgUnitName: p.org_unit_name, typeMatters: p.type_matters, matterNames: p.matter_names, active: p.active,
    version: p.version, createdAt: p.created_at.toISOString(), updatedAt: p.updated_at.toISOString(),
    alertCount: p.alert_count, lastAlertAt: p.last_alert_at?.toISOString() ?? null,
    policies: ['edit', 'rotateKey'],
  };
}
