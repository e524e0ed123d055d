import type { GenerateStep } from '../context.ts';
import { orgStep } from './org-step.ts';

export interface GroundOptions {
  /** the password of every generated account (one scrypt hash, computed once) */
  password: string;
  /** where the app's PII key is (DATA_DIR/keys/pii.key) unless PII_KEY is set */
  dataDir: string;
}

/** The ground of the generated city, in order: the org tree and catalogs, staff and posts, the registry, devices. */
export function groundSteps(_o: GroundOptions): GenerateStep[] {
  return [orgStep];
}
