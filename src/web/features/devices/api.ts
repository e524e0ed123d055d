// Device calls (issue 13): the device list and one device, register + bind (the token shown once), edit (name,
// profile, overrides, rebind), rotate the token, retire, the last readings; the profiles, their rules and escalation,
// and the preview of draft rules against a device's last day of readings. Types come from the server's schemas.
import type { Static } from '@sinclair/typebox';
import { api } from '../../lib/api.ts';
import type * as s from '../../../server/devices/schemas.ts';
import type { DeviceBindingKind, DeviceState, DeviceType } from '../../../shared/devices.ts';

export type Device = s.DeviceViewT;
export type DeviceList = Static<typeof s.DeviceList>;
export type DeviceDetail = Static<typeof s.DeviceDetail>;
export type DeviceTokenAnswer = Static<typeof s.DeviceTokenAnswer>;
export type DeviceCreated = Static<typeof s.DeviceCreated>;
export type DeviceCreateBody = Static<typeof s.DeviceCreateBody>;
export type DevicePatch = Static<typeof s.DevicePatch>;
export type Reading = Static<typeof s.ReadingView>;
export type ReadingList = Static<typeof s.ReadingList>;
export type Profile = Static<typeof s.ProfileView>;
export type ProfileRules = Static<typeof s.ProfileRules>;
export type ProfileRulesBody = Static<typeof s.ProfileRulesBody>;
export type Rule = Static<typeof s.RuleSchema>;
export type RuleOverride = Static<typeof s.RuleOverrideSchema>;
export type Overrides = Static<typeof s.RuleOverridesSchema>;
export type Escalation = Static<typeof s.EscalationSchema>;
export type PreviewAnswer = Static<typeof s.PreviewAnswer>;

export interface DeviceFilter { q?: string; type?: DeviceType; state?: DeviceState; status?: 'active' | 'retired'; orgUnitId?: string; bindingKind?: DeviceBindingKind; bindingId?: string }

const enc = encodeURIComponent;

export const listDevices = (f: DeviceFilter, cursor: string | null, signal?: AbortSignal, limit = 50) =>
  api<DeviceList>('/api/devices', { query: { ...f, q: f.q || undefined, limit, cursor }, signal });
export const fetchDevice = (id: string, signal?: AbortSignal) => api<DeviceDetail>(`/api/devices/${enc(id)}`, { signal });
export const createDevice = (body: DeviceCreateBody, key: string) =>
  api<DeviceCreated>('/api/devices', { method: 'POST', body, headers: { 'idempotency-key': key } });
export const updateDevice = (id: string, body: DevicePatch) => api<Device>(`/api/devices/${enc(id)}`, { method: 'PATCH', body });
export const retireDevice = (id: string, version: number) => api<Device>(`/api/devices/${enc(id)}/retire`, { method: 'POST', body: { version } });
export const rotateToken = (id: string) => api<DeviceTokenAnswer>(`/api/devices/${enc(id)}/token`, { method: 'POST' });
/** The last 24 hours (the API's default window), newest first, up to `limit`. */
export const fetchReadings = (id: string, signal?: AbortSignal, limit = 1000) =>
  api<ReadingList>(`/api/devices/${enc(id)}/readings`, { query: { limit }, signal });

export const listProfiles = (type: DeviceType | undefined, signal?: AbortSignal) =>
  api<Static<typeof s.ProfileList>>('/api/device-profiles', { query: { type }, signal });
export const fetchProfileRules = (id: string, signal?: AbortSignal) => api<ProfileRules>(`/api/device-profiles/${enc(id)}/rules`, { signal });
export const saveProfileRules = (id: string, body: ProfileRulesBody) => api<ProfileRules>(`/api/device-profiles/${enc(id)}/rules`, { method: 'PUT', body });
export const previewRules = (profileId: string, deviceId: string, rules: Rule[]) =>
  api<PreviewAnswer>(`/api/device-profiles/${enc(profileId)}/rules/preview`, { method: 'POST', body: { deviceId, rules } });

/** A fresh Idempotency-Key for one submission (reused on its retry). */
export const newKey = () => Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
