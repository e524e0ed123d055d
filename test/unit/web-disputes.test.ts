import { describe, expect, it } from 'vitest';
import { emptyParty, partyInputOf, previewOf, type PartyDraft } from '../../src/web/features/disputes/party-draft.ts';
import { navFor } from '../../src/web/app/nav.ts';
import type { Me } from '../../src/web/features/identity/api.ts';
import type { Role } from '../../src/shared/roles.ts';
import type { ResidentHit, RiskFactorsInput } from '../../src/web/features/disputes/api.ts';

// The registration form's preview of risk and suggested tier (the same rules the server applies), what it sends for a
// party, and who gets the dispute pages in the menu (issue 15).
const none: RiskFactorsInput = { threats: false, groupSize: 0, amountYuan: null, note: null };
const outsider = (role: PartyDraft['role'], patch: Partial<PartyDraft> = {}): PartyDraft => ({ ...emptyParty(role), name: '某人', ...patch });
const resident = (gridId: string, tags: string[] = []): ResidentHit => ({ id: `r-${gridId}`, name: '张三', gridId, tags } as unknown as ResidentHit);

describe('registration preview', () => {
  it.each<[string, string, PartyDraft[], RiskFactorsInput, string, string]>([
    ['two neighbours over a leak: low, in the grid', '02', [outsider('applicant'), outsider('respondent')], none, 'low', 'onSpot'],
    ['a threat: high, escalated', '02', [outsider('applicant'), outsider('respondent')], { ...none, threats: true }, 'high', 'escalated'],
    ['six neighbours: medium, joint', '02', [outsider('applicant')], { ...none, groupSize: 6 }, 'medium', 'joint'],
    ['twelve unpaid workers: high, escalated', '10', [outsider('applicant')], { ...none, groupSize: 12 }, 'high', 'escalated'],
    ['a party marked vulnerable raises low to medium: joint', '01', [outsider('applicant', { vulnerable: true, vulnerableReason: '重病' }), outsider('respondent')], none, 'medium', 'joint'],
    ['120,000 yuan at stake: medium, joint', '04', [outsider('applicant'), outsider('respondent')], { ...none, amountYuan: 120_000 }, 'medium', 'joint'],
    ['registry parties of two grids: low risk, joint', '02',
      [{ ...emptyParty('applicant', 'registry'), resident: resident('g1') }, { ...emptyParty('respondent', 'registry'), resident: resident('g2') }], none, 'low', 'joint'],
    ['a registry party tagged 独居老人 is vulnerable: medium', '01', [{ ...emptyParty('applicant', 'registry'), resident: resident('g1', ['elderly_alone']) }], none, 'medium', 'joint'],
  ])('%s', (_name, classCode, parties, factors, risk, tier) => {
    const p = previewOf(classCode, parties, factors);
    expect(p.risk.level).toBe(risk);
    expect(p.tier.tier).toBe(tier);
  });
});

describe('what the form sends for a party', () => {
  it('a registry person by id only; an outsider by what was typed, blanks as null', () => {
    expect(partyInputOf({ ...emptyParty('respondent', 'registry'), resident: resident('g1') })).toEqual({ role: 'respondent', residentId: 'r-g1', vulnerable: undefined, vulnerableReason: undefined });
    expect(partyInputOf({ ...emptyParty('applicant'), name: ' 程晓雯 ', phone: '13900004402', vulnerable: true, vulnerableReason: ' 孕期 ' })).toEqual({
      role: 'applicant', name: '程晓雯', idNumber: null, phone: '13900004402', address: null, vulnerable: true, vulnerableReason: '孕期',
    });
  });
});

describe('dispute pages in the menu', () => {
  const town = { id: 'town', name: '春晖路街道', level: 'town' as const };
  const me = (roles: Role[]): Me => ({
    id: 'a', username: 'u', name: '某人', kind: 'staff', roles, scopeOrgUnitId: town.id, scopeOrgUnit: town, homeOrgUnitId: null, homeOrgUnit: null,
    posts: [], grids: [], departmentIds: [], mustChangePassword: false,
  });
  const keys = (roles: Role[]) => navFor(me(roles)).map((e) => e.key).filter((k) => k.startsWith('dispute'));
  it.each<[string, Role[], string[]]>([
    ['the mediator (a handler): disputes, sweeps, figures', ['handler'], ['disputes', 'disputeSweeps', 'disputeStats']],
    ['the dispatcher: the same', ['dispatcher'], ['disputes', 'disputeSweeps', 'disputeStats']],
    ['the leader: disputes, sweeps (organiser), figures', ['leader'], ['disputes', 'disputeSweeps', 'disputeStats']],
    ['the admin also edits the classes', ['admin'], ['disputes', 'disputeSweeps', 'disputeStats', 'disputeClasses']],
    ['a department: the disputes pushed to it only', ['department'], ['disputes']],
  ])('%s', (_name, roles, expected) => {
    expect(keys(roles)).toEqual(expected);
  });
});
