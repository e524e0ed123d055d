// The demo resident's account finds her registry person by phone: the key every support, vote and award rests on.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { registerDemoResident } from '../support/participation.ts';
import { personOfAccount } from '../../src/server/participation/person.ts';

let t: TestApp;
beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => { await t?.close(); });

describe('personOfAccount', () => {
  it('finds no person before the grid worker registers her, then her person, household and key', async () => {
    const account = (await t.db.query<{ id: string }>(`select id from accounts where username = 'resident'`)).rows[0]!.id;
    expect(await t.db.transaction((tx) => personOfAccount(tx, t.app.pii, account))).toBeNull();
    const reg = await registerDemoResident(t);
    const person = await t.db.transaction((tx) => personOfAccount(tx, t.app.pii, account));
    expect(person).toMatchObject({ residentId: reg.residentId, householdId: reg.householdId, name: '周淑芬', birthDate: '1958-03-14' });
    expect(person!.personKey).toMatch(/^[0-9a-f]{16,}$/i);
  });
});
