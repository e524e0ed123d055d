// Reading the live stream (/api/events) in API tests: the named events that arrive while `during` runs.
import { expect } from 'vitest';
import { bearer } from './test-app.ts';

export interface StreamEvent { event: string; data: Record<string, unknown> }

/** Reads events of the given names from the SSE stream at `base` until `count` arrived or `ms` passed. */
export async function collectEvents(base: string, token: string, names: string[], count: number, during: () => Promise<void>, ms = 5000): Promise<StreamEvent[]> {
  const ac = new AbortController();
  const res = await fetch(`${base}/api/events`, { headers: bearer(token), signal: ac.signal });
  expect(res.headers.get('content-type')).toMatch(/text\/event-stream/);
  const reader = res.body!.getReader();
  const got: StreamEvent[] = [];
  let buffer = '';
  const timer = setTimeout(() => ac.abort(), ms);
  const reading = (async () => {
    try {
      while (got.length < count) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += new TextDecoder().decode(value);
        let i: number;
        while ((i = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, i);
          buffer = buffer.slice(i + 2);
          const event = block.split('\n').find((l) => l.startsWith('event: '))?.slice(7);
          const data = block.split('\n').find((l) => l.startsWith('data: '));
          if (event && names.includes(event) && data) got.push({ event, data: JSON.parse(data.slice(6)) });
        }
      }
    } catch { /* aborted */ }
  })();
  await new Promise((r) => setTimeout(r, 200));
  await during();
  await reading;
  clearTimeout(timer);
  ac.abort();
  return got;
}
