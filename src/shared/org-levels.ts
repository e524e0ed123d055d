export const ORG_LEVELS = ['city', 'district', 'town', 'community', 'grid', 'microGrid', 'dedicatedGrid'] as const;
export type OrgLevel = (typeof ORG_LEVELS)[number];

/** Levels that carry a polygon and take part in point-in-grid look-ups. */
export const LOCATABLE_LEVELS: readonly OrgLevel[] = ['grid', 'dedicatedGrid'];

/** Which parent level each level hangs under. */
export const PARENT_LEVEL: Record<OrgLevel, OrgLevel | null> = {
  city: null,
  district: 'city',
  town: 'district',
  community: 'town',
  grid: 'community',
  microGrid: 'grid',
  dedicatedGrid: 'community',
};

export const DEDICATED_KINDS = ['school', 'park', 'hospital', 'market', 'enterprise'] as const;
export type DedicatedKind = (typeof DEDICATED_KINDS)[number];

export const TEAM_ROLES = ['gridLeader', 'fullTime', 'partTime', 'instructor', 'volunteer'] as const;
export type TeamRole = (typeof TEAM_ROLES)[number];
