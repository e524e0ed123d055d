import { MATTER_LISTS, TIERS, type MatterList, type Tier } from '../../shared/matters.ts';

/** SLA of a Matter as the catalog writes it: minutes, hours (H) or working days (Wd). */
export interface MatterSla {
  acceptMin: number;
  dispatchMin?: number;
  arriveMin?: number;
  handleH?: number;
  handleWd?: number;
  verifyH?: number;
  verifyWd?: number;
}

/** One entry of the duty catalog. Each edit is a new version; a case keeps the version it was created under. */
export interface Matter {
  code: string;
  version: number;
  name: string;
  class: string;
  tier: Tier;
  list: MatterList;
  post?: string; // post code, e.g. JJ-CSGX
  department?: string; // department name, e.g. 区城市管理局
  sla: MatterSla;
  escalateAfterH?: number;
  onSpot?: boolean;
  urgent?: boolean;
  duplicateRadiusM?: number;
  /** Where such cases usually come from (sensor, platform), a digital plan to activate, a deliberation body. */
  source?: string;
  plan?: string;
  deliberation?: string;
}

export const DEFAULT_DUPLICATE_RADIUS_M = 100;

export interface FieldProblem {
  field: string;
  code: 'REQUIRED' | 'INVALID' | 'NOT_POSITIVE' | 'EXCLUSIVE';
  message: string;
}

const SLA_FIELDS = ['acceptMin', 'dispatchMin', 'arriveMin', 'handleH', 'handleWd', 'verifyH', 'verifyWd'] as const;
const WHOLE_DAY_FIELDS = new Set(['handleWd', 'verifyWd']);

/** Field problems of a catalog entry as typed by a town (untrusted input); an empty list means valid. */
export function validateMatter(input: Record<string, unknown>): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const add = (field: string, code: FieldProblem['code'], message: string) => problems.push({ field, code, message });
  for (const field of ['code', 'name', 'class'] as const) {
    if (typeof input[field] !== 'string' || input[field].trim() === '') add(field, 'REQUIRED', `${field} is required`);
  }
  if (!TIERS.includes(input.tier as Tier)) add('tier', 'INVALID', `tier must be one of ${TIERS.join(', ')}`);
  if (!MATTER_LISTS.includes(input.list as MatterList)) add('list', 'INVALID', `list must be one of ${MATTER_LISTS.join(', ')}`);
  const hasPost = typeof input.post === 'string' && input.post.trim() !== '';
  const hasDepartment = typeof input.department === 'string' && input.department.trim() !== '';
  if ((input.tier === 'town' || input.tier === 'district') && !hasPost && !hasDepartment) {
    add('post', 'REQUIRED', 'a town or district matter names a post or a department');
  }
  if ((input.tier === 'district' || input.list === 'withdrawn') && !hasDepartment) {
    add('department', 'REQUIRED', 'a district or withdrawn matter names the department that handles it');
  }
  const sla = input.sla;
  if (typeof sla !== 'object' || sla === null) {
    add('sla', 'REQUIRED', 'sla is required');
  } else {
    const s = sla as Record<string, unknown>;
    if (s.acceptMin === undefined) add('sla.acceptMin', 'REQUIRED', 'an accept limit is required');
    for (const f of SLA_FIELDS) {
      const v = s[f];
      if (v === undefined) continue;
      const ok = typeof v === 'number' && Number.isFinite(v) && v > 0 && (!WHOLE_DAY_FIELDS.has(f) || Number.isInteger(v));
      if (!ok) add(`sla.${f}`, 'NOT_POSITIVE', `${f} must be a positive ${WHOLE_DAY_FIELDS.has(f) ? 'whole ' : ''}number`);
    }
    if (s.handleH !== undefined && s.handleWd !== undefined) add('sla.handleWd', 'EXCLUSIVE', 'give handleH or handleWd, not both');
    if (s.verifyH !== undefined && s.verifyWd !== undefined) add('sla.verifyWd', 'EXCLUSIVE', 'give verifyH or verifyWd, not both');
  }
  for (const f of ['escalateAfterH', 'duplicateRadiusM'] as const) {
    const v = input[f];
    if (v !== undefined && !(typeof v === 'number' && Number.isFinite(v) && v > 0)) add(f, 'NOT_POSITIVE', `${f} must be a positive number`);
  }
  return problems;
}
