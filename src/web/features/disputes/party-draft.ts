// A party as a registration form holds it (a registry person, or an outsider typed in), what the API takes of it, and
// the risk and suggested tier the domain's rules give for the form as it stands (the server applies the same rules, with
// what only it knows: the ages and tags of registry people).
import type { PartyRole } from '../../../shared/disputes.ts';
import { assessRisk } from '../../../domain/disputes/risk.ts';
import { suggestTier } from '../../../domain/disputes/tier.ts';
import { vulnerabilityOf, VULNERABLE_TAGS } from '../../../domain/disputes/vulnerable.ts';
import type { PartyInput, RegisterInput, ResidentHit } from './api.ts';

export interface PartyDraft {
  key: string;
  role: PartyRole;
  mode: 'registry' | 'outsider';
  resident: ResidentHit | null;
  name: string; idNumber: string; phone: string; address: string;
  vulnerable: boolean; vulnerableReason: string;
}

let partyCounter = 0;
export const emptyParty = (role: PartyRole, mode: PartyDraft['mode'] = 'outsider'): PartyDraft => ({
  key: `p${++partyCounter}`, role, mode, resident: null, name: '', idNumber: '', phone: '', address: '', vulnerable: false, vulnerableReason: '',
});

/** The party as the API takes it: a registry person by id, an outsider by what was typed. */
export function partyInputOf(p: PartyDraft): PartyInput {
  const common = { role: p.role, vulnerable: p.vulnerable || undefined, vulnerableReason: p.vulnerable ? p.vulnerableReason.trim() || null : undefined };
  if (p.mode === 'registry' && p.resident) return { ...common, residentId: p.resident.id };
  return { ...common, name: p.name.trim(), idNumber: p.idNumber.trim() || null, phone: p.phone.trim() || null, address: p.address.trim() || null };
}

/** The risk and the suggested tier for the form as it stands. */
export function previewOf(classCode: string | undefined, parties: PartyDraft[], factors: RegisterInput['riskFactors']) {
  const f = factors ?? { threats: false, groupSize: 0, amountYuan: null, note: null };
  const flags = parties.map((p) => {
    const tags = p.mode === 'registry' ? p.resident?.tags ?? [] : [];
    const v = vulnerabilityOf({ idNumber: p.mode === 'outsider' ? p.idNumber.trim() || null : null, tags, marked: p.vulnerable, markedReason: p.vulnerableReason }, new Date());
    return { vulnerable: v.vulnerable || tags.some((t) => (VULNERABLE_TAGS as readonly string[]).includes(t)) };
  });
  const risk = assessRisk({ factors: f, flareUps: 0, parties: flags, classCode: classCode ?? '' });
  const grids = new Set(parties.flatMap((p) => (p.mode === 'registry' && p.resident ? [p.resident.gridId] : [])));
  const tier = suggestTier({ risk: risk.level, groupSize: f.groupSize, gridsOfParties: grids.size, classCode: classCode ?? '' });
  return { risk, tier };
}

