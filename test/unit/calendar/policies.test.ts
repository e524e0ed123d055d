import { describe, expect, it } from 'vitest';
import { calendarPolicies } from '../../../src/domain/calendar/policies.ts';
import type { Role } from '../../../src/shared/roles.ts';

describe('who enters the working calendar', () => {
  it.each<[Role[], string[]]>([
    [['admin'], ['edit']],
    [['leader'], []],
    [['dispatcher', 'handler'], []],
    [['securityAdmin'], []],
  ])('%j → %j', (roles, expected) => {
    expect(calendarPolicies(roles)).toEqual(expected);
  });
});
