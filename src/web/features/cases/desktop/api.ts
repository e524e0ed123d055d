// Desktop case calls beyond the shared ones: filtered lists read to the end, 12345 intake with a caller, the town's
// posts to dispatch to, and the live case events (SSE over fetch).
import type { Static } from '@sinclair/typebox';
import { api, tokenStore, type Query } from '../../../lib/api.ts';
import type { CaseStatus } from '../../../../shared/cases.ts';
import { reportCase, type ReportInput, type CaseSummary } from '../api.ts';
import type * as s from '../../../../server/cases/schemas.ts';
import { fetchBoards } from '../../org/api.ts';
import { fetchMe } from '../../identity/api.ts';

export interface CaseQuery {
  status?: CaseStatus[];
  orgUnitId?: string;
  overdue?: boolean;
  q?: string;
  mine?: 'assigned' | 'reported' | 'verify';
}

/** Every case matching the query, page by page, up to `max`. */
export async function listAllCases(query: CaseQuery, signal?: AbortSignal, max = 1000): Promise<CaseSummary[]> {
  const all: CaseSummary[] = [];
  let cursor: string | null = null;
  do {
    const q: Query = { ...query, overdue: query.overdue ? 'true' : undefined, q: query.q || undefined, orgUnitId: query.orgUnitId || undefined, cursor, limit: 200 };
    const page: Static<typeof s.CasePage> = await api<Static<typeof s.CasePage>>('/api/cases', { query: q, signal });
    all.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor && all.length < max);
  return all;
}

export type AssigneeInput = Static<typeof s.AssigneeInput>;

export type HotlineInput = Omit<ReportInput, 'source'>;

/** A phone / 12345 call taken by a dispatcher; the key makes a retry return the first result. */
export function reportHotline(input: HotlineInput, idempotencyKey: string) {
  return reportCase({ ...input, source: 'hotline' }, idempotencyKey);
}

export interface PostChoice { id: string; code: string; name: string; boardName: string; holders: string }

/** The posts of a town, board by board, as dispatch targets. */
export async function fetchTownPosts(townId: string, signal?: AbortSignal): Promise<PostChoice[]> {
  const boards = await fetchBoards(townId, signal);
  return boards.flatMap((b) => b.posts.map((p) => ({
    id: p.id, code: p.code, name: p.name, boardName: b.name,
    holders: [p.holderA?.name, p.holderB?.name].filter(Boolean).join(' / '),
  })));
}

export type CaseEvent = Static<typeof s.CaseEvent>;
type Listener = (e: CaseEvent) => void;
const listeners = new Set<Listener>();
const resyncListeners = new Set<() => void>();
let stream: AbortController | null = null;

/**
 * Told when the live stream may have missed changes — the server said `resync` (its node lost its link to the
 * database's notifications for a moment) or the stream came back after an interruption — so a page re-reads.
 */
export function subscribeCaseResync(fn: () => void): () => void {
  resyncListeners.add(fn);
  return () => { resyncListeners.delete(fn); };
}

function resync(): void {
  for (const fn of resyncListeners) fn();
}

/**
 * Live case events in the caller's scope: one shared connection while anyone listens, reconnecting. The server
 * ends the stream (after a `revoked` event) when the session ends or its access changes; the reconnect then
 * gets the new access, or 401, which signs out and stops.
 */
export function subscribeCaseEvents(fn: Listener): () => void {
  listeners.add(fn);
  if (!stream) stream = openStream();
  return () => {
    listeners.delete(fn);
    if (listeners.size === 0 && stream) { stream.abort(); stream = null; }
  };
}

function openStream(): AbortController {
  const ctrl = new AbortController();
  const run = async () => {
    let delay = 1000;
    let connectedBefore = false;
    while (!ctrl.signal.aborted) {
      try {
        const token = tokenStore.get();
        const res = await fetch('/api/events', { headers: { accept: 'text/event-stream', ...(token ? { authorization: `Bearer ${token}` } : {}) }, signal: ctrl.signal });
        // the session is gone (signed out elsewhere, expired, disabled): one call through the shared client signs out here too
        if (res.status === 401) { await fetchMe(ctrl.signal).catch(() => undefined); return; }
        if (!res.ok || !res.body) throw new Error(`events ${res.status}`);
        delay = 1000;
        if (connectedBefore) resync();
        connectedBefore = true;
        await readEvents(res.body, ctrl.signal);
      } catch (e) {
        if (ctrl.signal.aborted) return;
        console.warn('case events interrupted', e);
      }
      await new Promise((r) => setTimeout(r, delay));
      delay = Math.min(delay * 2, 15000);
    }
  };
  void run();
  return ctrl;
}

async function readEvents(body: ReadableStream<Uint8Array>, signal: AbortSignal): Promise<void> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  while (!signal.aborted) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += decoder.decode(value, { stream: true });
    let cut: number;
    while ((cut = buffer.search(/\r?\n\r?\n/)) >= 0) {
      const block = buffer.slice(0, cut);
      buffer = buffer.slice(cut).replace(/^\r?\n\r?\n/, '');
      dispatchBlock(block);
    }
  }
}

function dispatchBlock(block: string): void {
  let event = 'message';
  const data: string[] = [];
  for (const line of block.split(/\r?\n/)) {
    if (line.startsWith('event:')) event = line.slice(6).trim();
    else if (line.startsWith('data:')) data.push(line.slice(5).trimStart());
  }
  if (event === 'resync') { resync(); return; }
  if (event !== 'case' || !data.length) return;
  try {
    const e = JSON.parse(data.join('\n')) as CaseEvent;
    for (const fn of listeners) fn(e);
  } catch { /* a malformed event is skipped */ }
}
