// The one HTTP client of the web app: adds the bearer token, parses `{ error }` bodies into ApiError.
import type { ApiErrorBody } from '../../shared/errors.ts';

const TOKEN_KEY = 'zhizhi.token';

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly messageZh: string | undefined;
  /** the answer's `error.details`, e.g. the field problems of a 400 */
  readonly details: unknown;
  constructor(status: number, code: string, message: string, messageZh?: string, details?: unknown) {
    super(message);
    this.status = status;
    this.code = code;
    this.messageZh = messageZh;
    this.details = details;
  }
}

let unauthorizedHandler: (() => void) | null = null;

export const tokenStore = {
  get: (): string | null => localStorage.getItem(TOKEN_KEY),
  set: (token: string | null) => (token ? localStorage.setItem(TOKEN_KEY, token) : localStorage.removeItem(TOKEN_KEY)),
  /** called when the API answers 401 to a signed-in request (expired or revoked token) */
  onUnauthorized: (fn: (() => void) | null) => { unauthorizedHandler = fn; },
};

export type Query = Record<string, string | number | readonly string[] | undefined | null>;

export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null) continue;
    if (Array.isArray(v)) for (const item of v) params.append(k, item);
    else params.append(k, String(v));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

export interface ApiOptions {
  method?: string;
  /** sent as JSON; a Blob (a photo) is sent as it is, with its own type */
  body?: unknown;
  query?: Query;
  headers?: Record<string, string>;
  signal?: AbortSignal;
  /** a 401 here is an answer, not an expired session (a wrong current password): do not sign out */
  keepSessionOn401?: boolean;
}

export async function api<T>(path: string, o: ApiOptions = {}): Promise<T> {
  const token = tokenStore.get();
  const blob = o.body instanceof Blob ? o.body : null;
  const headers: Record<string, string> = { accept: 'application/json', ...o.headers };
  if (o.body !== undefined) headers['content-type'] = blob ? blob.type || 'application/octet-stream' : 'application/json';
  if (token) headers.authorization = `Bearer ${token}`;
  let res: Response;
  try {
    res = await fetch(withQuery(path, o.query), {
      method: o.method ?? 'GET', headers, signal: o.signal,
      body: o.body === undefined ? undefined : blob ?? JSON.stringify(o.body),
    });
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    throw new ApiError(0, 'NETWORK', 'Cannot reach the server.', '无法连接服务器，请检查网络。');
  }
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  const data: unknown = text ? safeJson(text) : undefined;
  if (!res.ok) {
    const err = (data as ApiErrorBody | undefined)?.error;
    if (res.status === 401 && token && !o.keepSessionOn401) unauthorizedHandler?.();
    throw new ApiError(res.status, err?.code ?? `HTTP_${res.status}`, err?.message ?? res.statusText, err?.messageZh, err?.details);
  }
  return data as T;
}

function safeJson(text: string): unknown {
  try { return JSON.parse(text); } catch { return undefined; }
}

/** The message of an error in the user's language. */
export function errorText(err: unknown, lang: string): string {
  if (err instanceof ApiError) return lang.startsWith('zh') ? (err.messageZh ?? err.message) : err.message;
  return err instanceof Error ? err.message : String(err);
}
