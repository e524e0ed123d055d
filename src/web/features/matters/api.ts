// Duty catalog calls (事项清单): list, create, new version, retire, version history. Staff whose scope
// spans several towns name the town with `townId`.
import { api, ApiError, tokenStore, type Query } from '../../app/api.ts';
import type { MatterList, Tier } from '../../../shared/matters.ts';

export interface Matter {
  id: string;
  townId: string;
  code: string;
  version: number;
  current: boolean;
  name: string;
  class: string;
  list: MatterList;
  tier: Tier;
  postCode: string | null;
  departmentName: string | null;
  sla: Record<string, number>;
  escalateAfterH: number | null;
  onSpot: boolean;
  urgent: boolean;
  duplicateRadiusM: number;
  retired: boolean;
  createdAt: string;
}

/** escalateAfterH is left out when empty: the server refuses null there (NOT_POSITIVE). */
export type MatterInput = Omit<Matter, 'id' | 'townId' | 'version' | 'current' | 'retired' | 'createdAt' | 'escalateAfterH'> & { escalateAfterH?: number };

const q = (townId: string | null) => (townId ? { townId } : undefined);

export interface FieldDetail { field: string; code?: string; message?: string; problem?: string }

/** A refusal with the API's field details, which the app's ApiError does not keep. */
export class MatterError extends ApiError {
  readonly details: FieldDetail[];
  constructor(base: ApiError, details: FieldDetail[]) {
    super(base.status, base.code, base.message, base.messageZh);
    this.details = details;
  }
}

/** A write that keeps `error.details` for the form. */
async function write<T>(method: string, path: string, body: unknown, query?: Query): Promise<T> {
  const token = tokenStore.get();
  const qs = query ? `?${new URLSearchParams(query as Record<string, string>)}` : '';
  let res: Response;
  try {
    res = await fetch(path + qs, {
      method, body: JSON.stringify(body),
      headers: { accept: 'application/json', 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    });
  } catch {
    throw new ApiError(0, 'NETWORK', 'Cannot reach the server.', '无法连接服务器，请检查网络。');
  }
  const data = await res.json().catch(() => undefined) as { error?: { code: string; message: string; messageZh?: string; details?: unknown } } | undefined;
  if (res.ok) return data as T;
  if (res.status === 401 && token) void api('/api/me').catch(() => undefined);
  const err = data?.error;
  const base = new ApiError(res.status, err?.code ?? `HTTP_${res.status}`, err?.message ?? res.statusText, err?.messageZh);
  throw new MatterError(base, Array.isArray(err?.details) ? (err.details as FieldDetail[]) : []);
}

export const listMatters = (townId: string | null, includeRetired: boolean, signal?: AbortSignal) =>
  api<{ items: Matter[] }>('/api/matters', { query: { ...q(townId), includeRetired: includeRetired ? 'true' : undefined }, signal }).then((r) => r.items);

export const createMatter = (townId: string | null, body: MatterInput) =>
  write<Matter>('POST', '/api/matters', body, q(townId));

export const updateMatter = (townId: string | null, code: string, body: Omit<MatterInput, 'code'>) =>
  write<Matter>('PUT', `/api/matters/${encodeURIComponent(code)}`, body, q(townId));

export const retireMatter = (townId: string | null, code: string) =>
  write<Matter>('POST', `/api/matters/${encodeURIComponent(code)}/retire`, {}, q(townId));

export const matterVersions = (townId: string | null, code: string, signal?: AbortSignal) =>
  api<{ items: Matter[] }>(`/api/matters/${encodeURIComponent(code)}/versions`, { query: q(townId), signal }).then((r) => r.items);

/** Field problems of a 400 answer, keyed by form field ("body.sla" → "sla", "post" → "postCode"). */
export function fieldProblems(e: unknown, say: (d: FieldDetail) => string): { name: string; errors: string[] }[] {
  if (!(e instanceof MatterError)) return [];
  const alias: Record<string, string> = { post: 'postCode', department: 'departmentName' };
  const out = new Map<string, string[]>();
  for (const d of e.details) {
    const field = d.field.replace(/^body[./]/, '').split(/[./]/)[0] ?? '';
    const name = alias[field] ?? field;
    out.set(name, [...(out.get(name) ?? []), say(d)]);
  }
  return [...out].map(([name, errors]) => ({ name, errors }));
}
