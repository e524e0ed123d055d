import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { isIP } from 'node:net';
import path from 'node:path';

/**
 * The local backup token: written by the server at start to DATA_DIR/backup.token (mode 0600), so only the
 * account running the server (or root) can read it and ask the running server for a snapshot.
 */
export const BACKUP_TOKEN_FILE = 'backup.token';

export const tokenFile = (dataDir: string) => path.join(dataDir, BACKUP_TOKEN_FILE);

export async function writeBackupToken(dataDir: string): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  const file = tokenFile(dataDir);
  // remove first: writeFile keeps the mode of an existing file, and a stale one may be wider than 0600
  await rm(file, { force: true });
  await writeFile(file, `${token}\n`, { mode: 0o600, flag: 'wx' });
  return token;
}

export async function readBackupToken(dataDir: string): Promise<string | null> {
  try {
    const t = (await readFile(tokenFile(dataDir), 'utf8')).trim();
    return t.length > 0 ? t : null;
  } catch {
    return null;
  }
}

/** Removes the token file if it still holds this server's token (a newer server may have replaced it). */
export async function removeBackupToken(dataDir: string, token: string): Promise<void> {
  if ((await readBackupToken(dataDir)) === token) await rm(tokenFile(dataDir), { force: true });
}

/** Constant-time comparison: both sides are hashed first, so neither content nor length leaks through timing. */
export function tokensMatch(given: string | undefined, expected: string): boolean {
  if (typeof given !== 'string' || given.length === 0) return false;
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

function isLoopback(address: string): boolean {
  const a = address.startsWith('::ffff:') ? address.slice(7) : address;
  if (isIP(a) === 4) return a.startsWith('127.');
  return a === '::1';
}

/**
 * The request comes from this machine itself and not through a proxy: the socket's peer is a loopback address
 * or the very address the server answered on (a local client calling the machine's own IP), and no forwarding
 * header is present (a reverse proxy on the same machine connects from loopback on behalf of remote clients).
 */
export function isLocalClient(o: { remoteAddress: string | undefined; localAddress: string | undefined; headers: Record<string, unknown> }): boolean {
  for (const h of ['x-forwarded-for', 'forwarded', 'x-real-ip', 'x-forwarded-host', 'via']) {
    if (o.headers[h] !== undefined) return false;
  }
  const remote = o.remoteAddress;
  if (!remote) return false;
  return isLoopback(remote) || (o.localAddress !== undefined && remote === o.localAddress);
}
