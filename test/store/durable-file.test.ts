import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createFileDurablySync } from '../../src/server/platform/durable-file.ts';
import { loadPiiKey } from '../../src/server/platform/pii-cipher.ts';

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('files created durably (keys)', () => {
  it('creates the file whole, private, without leaving a temporary file', () => {
    dir = mkdtempSync(path.join(tmpdir(), 'zhizhi-durable-'));
    const file = path.join(dir, 'a.key');
    createFileDurablySync(file, 'secret', 0o600);
    expect(readFileSync(file, 'utf8')).toBe('secret');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readdirSync(dir)).toEqual(['a.key']);
  });

  it('never replaces a file that exists', () => {
    dir = mkdtempSync(path.join(tmpdir(), 'zhizhi-durable-'));
    const file = path.join(dir, 'a.key');
    writeFileSync(file, 'first');
    expect(() => createFileDurablySync(file, 'second', 0o600)).toThrow(/EEXIST/);
    expect(readFileSync(file, 'utf8')).toBe('first');
    expect(readdirSync(dir)).toEqual(['a.key']);
  });

  it('the personal-data key is made once and read back the same by every later start', () => {
    dir = mkdtempSync(path.join(tmpdir(), 'zhizhi-durable-'));
    const first = loadPiiKey(dir, {});
    expect(first.length).toBe(32);
    expect(loadPiiKey(dir, {}).equals(first)).toBe(true);
    expect(readdirSync(path.join(dir, 'keys'))).toEqual(['pii.key']);
  });
});
