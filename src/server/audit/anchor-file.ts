import { mkdir, open, readFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Where the anchors of the audit chain go: AUDIT_ANCHOR_FILE, else DATA_DIR/audit-anchors.jsonl. Outside the
 * database on purpose. With several nodes, name a file every node sees (as DATA_DIR/files must be), or each node
 * checks only the anchors it wrote itself.
 */
export function anchorFileOf(dataDir: string, env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(env.AUDIT_ANCHOR_FILE || path.join(dataDir, 'audit-anchors.jsonl'));
}

/** The file's lines, without empty ones; none when there is no file yet. */
export async function readAnchorLines(file: string): Promise<string[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
  return text.split('\n').filter((l) => l.trim() !== '');
}

/** The last line, read from the end of the file, or null when there is none. */
export async function lastAnchorLine(file: string): Promise<string | null> {
  let fh;
  try {
    fh = await open(file, 'r');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
  try {
    const { size } = await fh.stat();
    const length = Math.min(size, 4096);
    const buf = Buffer.alloc(length);
    await fh.read(buf, 0, length, size - length);
    const lines = buf.toString('utf8').split('\n').filter((l) => l.trim() !== '');
    return lines.at(-1) ?? null;
  } finally {
    await fh.close();
  }
}

/**
 * Appends one line and flushes it to disk before returning (readable by this user only). A line cut short by a
 * crash is closed first, so the new anchor starts a line of its own.
 */
export async function appendAnchorLine(file: string, line: string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  const fh = await open(file, 'a+', 0o600);
  try {
    const { size } = await fh.stat();
    let lead = '';
    if (size > 0) {
      const last = Buffer.alloc(1);
      await fh.read(last, 0, 1, size - 1);
      if (last[0] !== 0x0a) lead = '\n';
    }
    await fh.write(`${lead}${line}\n`);
    await fh.sync();
    if (size === 0) await syncDir(path.dirname(file)); // a new file: make its name durable too
  } finally {
    await fh.close();
  }
}

async function syncDir(dir: string): Promise<void> {
  const d = await open(dir, 'r');
  try {
    await d.sync();
  } finally {
    await d.close();
  }
}
