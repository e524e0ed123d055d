import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ACTION_NAMES_EN, ACTION_NAMES_ZH, TARGET_TYPES_EN, TARGET_TYPES_ZH, actionName } from '../../../src/web/features/audit/action-names.ts';

// The audit log shows each entry's action and target type by name, in the reader's language, never the code the
// server stores ("登录", not "登录 login"): every action and target type the server writes into an audit entry has a
// name in both languages. The server's audit entries are read from its source: `action: '…'` and
// `targetType: '…'` in the files that write audit entries.
function serverFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? serverFiles(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []);
}

const written = { actions: new Set<string>(), targetTypes: new Set<string>() };
for (const file of serverFiles(path.resolve('src/server'))) {
  const code = readFileSync(file, 'utf8');
  if (!/appendAudit\(|\baudit\(|AuditEntry\b|\baudit: '/.test(code)) continue;
  for (const m of code.matchAll(/\baction: '([a-zA-Z_.]+)'/g)) {
    // a registry history row (recordChange: kind, id, householdId, orgPath, action) is not an audit entry
    if (/\bhouseholdId\b/.test(code.slice(code.lastIndexOf('{', m.index), m.index))) continue;
    // nor is an incident's log row (incident_events: incident_id, at, action, …)
    if (/\bincident_id\b/.test(code.slice(code.lastIndexOf('{', m.index), m.index))) continue;
    // nor a dispute's timeline entry (appendDisputeEvent: disputeId, at, action, …)
    if (/\bdisputeId\b/.test(code.slice(code.lastIndexOf('{', m.index), m.index))) continue;
    // nor a command handed to the case loop (applyCaseActionIn(tx, caseId, { action: 'report_done', … }))
    const brace = code.lastIndexOf('{', m.index);
    if (/applyCaseAction(?:In)?\([^{]*$/.test(code.slice(Math.max(0, brace - 80), brace))) continue;
    written.actions.add(m[1]!);
  }
  // an action passed as a parameter typed by a union of literals (matterAudit)
  for (const m of code.matchAll(/\baction: ('[a-zA-Z_.]+'(?: \| '[a-zA-Z_.]+')+)/g)) for (const n of m[1]!.matchAll(/'([a-zA-Z_.]+)'/g)) written.actions.add(n[1]!);
  // an action chosen by a condition (`action: drill ? 'incident.drill' : 'incident.activate'`)
  for (const m of code.matchAll(/\baction: [\w.]+ \? '([a-zA-Z_.]+)' : '([a-zA-Z_.]+)'/g)) {
    if (/\bincident_id\b/.test(code.slice(code.lastIndexOf('{', m.index), m.index))) continue;
    written.actions.add(m[1]!).add(m[2]!);
  }
  // a step's audit action handed to a shared writer (a dispute action's `audit: 'dispute.push'`)
  for (const m of code.matchAll(/\baudit: '([a-zA-Z_.]+)'/g)) written.actions.add(m[1]!);
  // a capability's own audit writer given the whole action name (`audit(tx, who, 'participation.meeting.create', …)`)
  for (const m of code.matchAll(/\baudit\(tx, [\w.]+, '([a-zA-Z_.]+)'/g)) written.actions.add(m[1]!);
  for (const m of code.matchAll(/\btargetType: '([a-z_]+)'/g)) written.targetTypes.add(m[1]!);
}

// A/B, as in AB角 (a post's first and second holders), is Chinese usage
const ascii = /[A-Za-z]/;
const withoutAB = (s: string | undefined) => s?.replace(/AB角|[AB]岗/g, '');

describe('the audit log names what the server writes', () => {
  it('finds the server\'s audit actions', () => {
    expect(written.actions.size).toBeGreaterThan(25);
    expect([...written.actions]).toEqual(expect.arrayContaining(['login', 'logout', 'account.create', 'matter.update', 'case.read_contact', 'access.denied']));
  });

  it.each([...written.actions].sort().map((a) => [a]))('%s has a Chinese and an English name', (action) => {
    expect(ACTION_NAMES_ZH[action], 'Chinese name').toMatch(/\p{Script=Han}/u);
    expect(withoutAB(ACTION_NAMES_ZH[action]), 'no English in the Chinese name').not.toMatch(ascii);
    expect(ACTION_NAMES_EN[action], 'English name').toMatch(/^[A-Z][A-Za-z -]+$/);
  });

  it.each([...written.targetTypes].sort().map((a) => [a]))('target type %s has a Chinese and an English name', (type) => {
    expect(TARGET_TYPES_ZH[type]).toMatch(/^\p{Script=Han}+$/u);
    expect(TARGET_TYPES_EN[type]).toMatch(/^[A-Z][A-Za-z ]+$/);
  });

  it('names nothing the server does not write (no stale names)', () => {
    expect(Object.keys(ACTION_NAMES_ZH).filter((a) => !written.actions.has(a))).toEqual([]);
    expect(Object.keys(ACTION_NAMES_EN).sort()).toEqual(Object.keys(ACTION_NAMES_ZH).sort());
  });
});

// Registry changes are audited as registry.<kind>.<change> (change-log.ts's auditEntry), one per recordChange call.
const registryChanges = new Set<string>();
for (const file of serverFiles(path.resolve('src/server/registry'))) {
  const code = readFileSync(file, 'utf8');
  // a change: { kind: '…', id, householdId, orgPath, action: '…', … } handed to recordChange or createRecord
  for (const m of code.matchAll(/\{\s*kind: '(building|household|resident|place|thing|hazard)',[^}]*?action: '([a-zA-Z]+)'/g)) registryChanges.add(`registry.${m[1]}.${m[2]}`);
}

describe('the audit log names registry changes by kind and change', () => {
  it('finds the registry\'s changes', () => {
    expect([...registryChanges]).toEqual(expect.arrayContaining(['registry.household.create', 'registry.thing.inspect', 'registry.resident.leave']));
  });

  it.each([...registryChanges].sort().map((a) => [a]))('%s is named in both languages', (action) => {
    expect(actionName(action, 'zh')).toMatch(/^\p{Script=Han}+ · \p{Script=Han}+$/u);
    expect(actionName(action, 'en')).toMatch(/^[A-Z][A-Za-z -]+$/);
  });

  it('leaves an unknown code as it is, rather than guessing', () => {
    expect(actionName('registry.spaceship.create', 'zh')).toBe('registry.spaceship.create');
    expect(actionName('registry.household.teleport', 'en')).toBe('registry.household.teleport');
    expect(actionName('login', 'zh')).toBe('登录');
  });
});

