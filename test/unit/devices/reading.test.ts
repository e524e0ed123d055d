import { describe, expect, it } from 'vitest';
import { parseReading, sortReadings } from '../../../src/domain/devices/reading.ts';

const NOW = Date.UTC(2026, 2, 2, 12, 0, 0);

describe('parseReading', () => {
  it.each([
    [{ ts: '2026-03-02T19:59:00+08:00', key: 'door', value: 'open' }, { at: Date.UTC(2026, 2, 2, 11, 59), kind: 'event', key: 'door', value: null, textValue: 'open' }],
    [{ ts: NOW - 1000, key: 'heartRate', value: 44 }, { at: NOW - 1000, kind: 'event', value: 44 }],
    [{ ts: NOW, key: 'smoke', value: true }, { value: 1 }],
    [{ ts: NOW, battery: 87.4 }, { kind: 'keepalive', key: null, battery: 87 }],
    [{ messageId: 'a-1', kind: 'status', battery: 10 }, { at: NOW, kind: 'status', dedupeKey: 'm:a-1', messageIdOnly: 'a-1' }],
    [{ ts: NOW, messageId: 'a-1', key: 'door' }, { at: NOW, dedupeKey: 'm:a-1', messageIdOnly: null }],
    [{ ts: NOW + 300_000, key: 'door' }, { at: NOW + 300_000 }],
  ])('accepts %j', (payload, expected) => {
    const r = parseReading(payload, NOW);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.reading).toMatchObject(expected);
  });

  it.each([
    [null, 'notAnObject'],
    [[1], 'notAnObject'],
    [{ key: 'door' }, 'noTimeOrMessageId'],
    [{ ts: '2026-03-02 12:00', key: 'door' }, 'tsInvalid'],
    [{ ts: '2026-03-02T12:00:00', key: 'door' }, 'tsInvalid'],
    [{ ts: 12.5 }, 'tsInvalid'],
    [{ ts: 1000 }, 'tsInvalid'],
    [{ ts: NOW + 300_001, key: 'door' }, 'tsInFuture'],
    [{ messageId: '' }, 'messageIdInvalid'],
    [{ messageId: 'x'.repeat(101) }, 'messageIdInvalid'],
    [{ ts: NOW, kind: 'alarm' }, 'kindInvalid'],
    [{ ts: NOW, key: '1door' }, 'keyInvalid'],
    [{ ts: NOW, key: 'door', value: { a: 1 } }, 'valueInvalid'],
    [{ ts: NOW, key: 'door', value: 'x'.repeat(81) }, 'valueInvalid'],
    [{ ts: NOW, battery: 101 }, 'batteryInvalid'],
    [{ ts: NOW, color: 'red' }, 'unknownField'],
  ])('refuses %j as %s', (payload, refusal) => {
    expect(parseReading(payload, NOW)).toEqual({ ok: false, refusal });
  });

  it('gives a retry without message id the same dedupe key, and a different reading another', () => {
    const a = parseReading({ ts: NOW, key: 'door', value: 'open' }, NOW);
    const b = parseReading({ value: 'open', key: 'door', ts: NOW }, NOW + 5000);
    const c = parseReading({ ts: NOW, key: 'door', value: 'closed' }, NOW);
    expect(a.ok && b.ok && a.reading.dedupeKey === b.reading.dedupeKey).toBe(true);
    expect(a.ok && c.ok && a.reading.dedupeKey !== c.reading.dedupeKey).toBe(true);
  });
});

describe('sortReadings', () => {
  it('orders by time and keeps arrival order within a millisecond', () => {
    const rs = [{ at: 5, n: 'a' }, { at: 3, n: 'b' }, { at: 5, n: 'c' }, { at: 3, n: 'd' }];
    expect(sortReadings(rs).map((r) => r.n)).toEqual(['b', 'd', 'a', 'c']);
  });
});
