import { PiiCipher, loadPiiKey } from '../../../src/server/platform/pii-cipher.ts';
import type { GenerateStep } from '../context.ts';
import { orgStep } from './org-step.ts';
import { staffStep } from './staff-step.ts';
import { registryStep } from './registry-step.ts';
import { devicesStep } from './devices-step.ts';

export interface GroundOptions {
  /** the password of every generated account (one scrypt hash, computed once) */
  password: string;
  /** where the app's PII key is (DATA_DIR/keys/pii.key, made there if missing) unless PII_KEY is set: the app reading the data must use the same */
  dataDir: string;
}

/** The ground of the generated city, in order: the org tree and catalogs, staff and posts, the registry, care devices. */
export function groundSteps(o: GroundOptions): GenerateStep[] {
  let cipher: PiiCipher | null = null;
  const pii = () => (cipher ??= new PiiCipher(loadPiiKey(o.dataDir)));
  return [orgStep, staffStep({ password: o.password, pii }), registryStep({ pii }), devicesStep];
}
