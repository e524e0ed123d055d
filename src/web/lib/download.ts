// Saving what the API answers as a file (an export, a report, a document): with the bearer token, named by the
// answer's Content-Disposition (the RFC 5987 UTF-8 name first, so Chinese names survive), errors as ApiError.
import { ApiError, tokenStore, withQuery, type Query } from './api.ts';

export interface SaveFileOptions {
  method?: 'GET' | 'POST';
  query?: Query;
  /** a POST that makes something (a kept report fill) sends one, so a retry answers the first file */
  idempotencyKey?: string;
}

/** Fetches `path` and saves the body as a file; answers the name it was saved under. */
export async function saveFile(path: string, fallbackName: string, o: SaveFileOptions = {}): Promise<string> {
  const headers: Record<string, string> = { authorization: `Bearer ${tokenStore.get() ?? ''}` };
  if (o.idempotencyKey) headers['idempotency-key'] = o.idempotencyKey;
  const res = await fetch(withQuery(path, o.query), { method: o.method ?? 'GET', headers });
  if (!res.ok) {
    const body = await res.json().catch(() => undefined) as { error?: { code?: string; message?: string; messageZh?: string } } | undefined;
    throw new ApiError(res.status, body?.error?.code ?? `HTTP_${res.status}`, body?.error?.message ?? res.statusText, body?.error?.messageZh);
  }
  const name = fileNameOf(res.headers.get('content-disposition')) ?? fallbackName;
  const url = URL.createObjectURL(await res.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return name;
}

/** The file name of a Content-Disposition: `filename*=UTF-8''…` when there is one, else `filename="…"`. */
export function fileNameOf(disposition: string | null): string | null {
  if (!disposition) return null;
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (star?.[1]) return decodeURIComponent(star[1]);
  const plain = /filename="?([^";]+)"?/i.exec(disposition);
  return plain?.[1] ?? null;
}
