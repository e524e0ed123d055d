import { createHash, createHmac } from 'node:crypto';
import { deriveKey, loadPiiKey } from '../platform/pii-cipher.ts';
import type { ChainHashers } from '../../domain/identity/audit-chain.ts';

const hmacHex = (key: Buffer, s: string) => createHmac('sha256', key).update(s).digest('hex');

/**
 * The keys of the audit chain, derived (HKDF, one label each) from the master key that also seals personal data:
 * PII_KEY, else DATA_DIR/keys/pii.key. That key is never in the database nor in a backup, it is already shared by
 * every node, and a restore already checks that it is back in place. Replacing it would leave the keyed rows and
 * the anchors unverifiable, as it leaves sealed personal data unreadable.
 */
export class AuditKeys {
  private readonly rowKey: Buffer;
  private readonly anchorKey: Buffer;

  constructor(masterKey: Buffer) {
    this.rowKey = deriveKey(masterKey, 'zhizhi audit chain');
    this.anchorKey = deriveKey(masterKey, 'zhizhi audit anchor');
  }

  /** the row hash of each kind: plain SHA-256 for rows from before the key, HMAC-SHA256 since */
  readonly hashers: ChainHashers = {
    sha256: (input) => createHash('sha256').update(input).digest('hex'),
    'hmac-sha256': (input) => hmacHex(this.rowKey, input),
  };

  anchorMac(input: string): string {
    return hmacHex(this.anchorKey, input);
  }
}

export const loadAuditKeys = (dataDir: string, env: NodeJS.ProcessEnv = process.env) => new AuditKeys(loadPiiKey(dataDir, env));

let installed: AuditKeys | null = null;

/**
 * A process holds one master key, so it holds one set of audit keys: installed at start (buildApp), used by every
 * append wherever in the code it happens, without handing the keys to each caller.
 */
export function installAuditKeys(keys: AuditKeys): void {
  installed = keys;
}

export function auditKeys(): AuditKeys {
  if (!installed) throw new Error('the audit keys are not loaded: buildApp (or a worker) installs them at start');
  return installed;
}
