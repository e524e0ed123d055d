// The wall screen's live connection: GET /api/events read over fetch (the bearer token goes in a header), with the
// connection's state for the stale banner, every byte counted as a sign of life (the server's keep-alive comment comes
// every 25 s), and reconnects with backoff (1 s doubling to 30 s, a little jitter so a wall of screens does not return
// at once). Unlike the case pages' shared reader it also hands over `alarm` and `incident` events and says when a
// reconnect succeeded, so the page re-fetches what it missed. Nothing is kept here: each event is handed on and dropped.
import { tokenStore } from '../../lib/api.ts';

export type LiveState = 'connecting' | 'open' | 'down';

export interface LiveHandlers {
  /** one event of the stream: its name (`case`, `alarm`, `incident`, …) and its parsed data */
  onEvent(name: string, data: unknown): void;
  onState(state: LiveState): void;
  /** bytes arrived (an event or the keep-alive) */
  onAlive(): void;
  /** the stream is open again after it had been down: what happened meanwhile must be fetched */
  onReconnected(): void;
  /** the session is gone (401): the page signs out */
  onUnauthorized(): void;
}

export interface LiveConnection {
  /** stop waiting for the next attempt and try now */
  reconnectNow(): void;
  close(): void;
}

const FIRST_DELAY = 1_000;
const MAX_DELAY = 30_000;
/** a buffer holding more than this without a blank line is not an event stream: drop it */
const MAX_BUFFER = 1 << 20;

export function openLive(h: LiveHandlers, url = '/api/events'): LiveConnection {
  const ctrl = new AbortController();
  let wake: (() => void) | null = null;
  let current: AbortController | null = null;

  const sleep = (ms: number) => new Promise<void>((resolve) => {
    const timer = setTimeout(done, ms);
    function done() { clearTimeout(timer); wake = null; resolve(); }
    wake = done;
  });

  const run = async () => {
    let delay = FIRST_DELAY;
    let everOpen = false;
    while (!ctrl.signal.aborted) {
      h.onState('connecting');
      current = new AbortController();
      const onAbort = () => current?.abort();
      ctrl.signal.addEventListener('abort', onAbort, { once: true });
      try {
        const token = tokenStore.get();
        const res = await fetch(url, {
          headers: { accept: 'text/event-stream', ...(token ? { authorization: `Bearer ${token}` } : {}) },
          signal: current.signal, cache: 'no-store',
        });
        if (res.status === 401) { h.onState('down'); h.onUnauthorized(); return; }
        if (!res.ok || !res.body) throw new Error(`events ${res.status}`);
        h.onState('open');
        h.onAlive();
        if (everOpen) h.onReconnected();
        everOpen = true;
        delay = FIRST_DELAY;
        await readStream(res.body, current.signal, h);
      } catch (e) {
        if (ctrl.signal.aborted) return;
        if ((e as Error).name !== 'AbortError') console.warn('screen events interrupted', e);
      } finally {
        ctrl.signal.removeEventListener('abort', onAbort);
        current = null;
      }
      if (ctrl.signal.aborted) return;
      h.onState('down');
      everOpen = true; // the next open is a reconnect, whether or not the first one succeeded
      await sleep(delay * (0.8 + Math.random() * 0.4));
      delay = Math.min(delay * 2, MAX_DELAY);
    }
  };
  void run();

  return {
    reconnectNow() {
      if (wake) wake();
      else current?.abort(); // a stream that looks open but says nothing: drop it and open a new one
    },
    close() {
      ctrl.abort();
      wake?.();
    },
  };
}

async function readStream(body: ReadableStream<Uint8Array>, signal: AbortSignal, h: LiveHandlers): Promise<void> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  try {
    while (!signal.aborted) {
      const { value, done } = await reader.read();
      if (done) return;
      h.onAlive();
      buffer += decoder.decode(value, { stream: true });
      let cut: number;
      while ((cut = buffer.search(/\r?\n\r?\n/)) >= 0) {
        const block = buffer.slice(0, cut);
        buffer = buffer.slice(cut).replace(/^\r?\n\r?\n/, '');
        const parsed = parseBlock(block);
        if (parsed) h.onEvent(parsed.name, parsed.data);
      }
      if (buffer.length > MAX_BUFFER) buffer = '';
    }
  } finally {
    reader.releaseLock();
  }
}

/** One block of an event stream: its event name and JSON data, or null for a comment or unreadable data. */
export function parseBlock(block: string): { name: string; data: unknown } | null {
  let name = 'message';
  const data: string[] = [];
  for (const line of block.split(/\r?\n/)) {
    if (line.startsWith('event:')) name = line.slice(6).trim();
    else if (line.startsWith('data:')) data.push(line.slice(5).trimStart());
  }
  if (data.length === 0) return null;
  try {
    return { name, data: JSON.parse(data.join('\n')) as unknown };
  } catch {
    return null;
  }
}
