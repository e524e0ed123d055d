// Duty catalog calls (事项清单): list, create, new version, retire, version history. Staff whose scope
// spans several towns name the town with `townId`.
import type { Static } from '@sinclair/typebox';
import { api, ApiError } from '../../lib/api.ts';
import type * as s from '../../../server/matters/schemas.ts';

export type Matter = Static<typeof s.Matter>;
export type MatterInput = Static<typeof s.NewMatter>;

const q = (townId: string | null) => (townId ? { townId } : undefined);

export interface FieldDetail { field: string; code?: string; message?: string; problem?: string }

/** A town's catalog: its matters, and what the reader may do to the catalog (`policies`: create). */
export const listMatters = (townId: string | null, includeRetired: boolean, signal?: AbortSignal) =>
  api<Static<typeof s.MatterList>>('/api/matters', { query: { ...q(townId), includeRetired: includeRetired ? 'true' : undefined }, signal });

export const createMatter = (townId: string | null, body: MatterInput) =>
  api<Matter>('/api/matters', { method: 'POST', body, query: q(townId) });

export const updateMatter = (townId: string | null, code: string, body: Static<typeof s.MatterInput>) =>
  api<Matter>(`/api/matters/${encodeURIComponent(code)}`, { method: 'PUT', body, query: q(townId) });

export const retireMatter = (townId: string | null, code: string) =>
  api<Matter>(`/api/matters/${encodeURIComponent(code)}/retire`, { method: 'POST', body: {}, query: q(townId) });

export const matterVersions = (townId: string | null, code: string, signal?: AbortSignal) =>
  api<Static<typeof s.MatterList>>(`/api/matters/${encodeURIComponent(code)}/versions`, { query: q(townId), signal }).then((r) => r.items);

/** Field problems of a 400 answer, keyed by form field ("body.sla" → "sla", "post" → "postCode"). */
export function fieldProblems(e: unknown, say: (d: FieldDetail) => string): { name: string; errors: string[] }[] {
  if (!(e instanceof ApiError) || !Array.isArray(e.details)) return [];
  const alias: Record<string, string> = { post: 'postCode', department: 'departmentName' };
  const out = new Map<string, string[]>();
  for (const d of e.details as FieldDetail[]) {
    const field = d.field.replace(/^body[./]/, '').split(/[./]/)[0] ?? '';
    const name = alias[field] ?? field;
    out.set(name, [...(out.get(name) ?? []), say(d)]);
  }
  return [...out].map(([name, errors]) => ({ name, errors }));
}
