import type { Role } from './roles.ts';

/**
 * The grid registry 人房地物 (issue 11): the words both the server and the web need. Rules live in
 * src/domain/registry; tables in migration 023.
 */

export const REGISTRY_KINDS = ['residents', 'households', 'buildings', 'places', 'things'] as const;
export type RegistryKind = (typeof REGISTRY_KINDS)[number];

export const GENDERS = ['male', 'female'] as const;
export type Gender = (typeof GENDERS)[number];

/** A member's relation to the household's head (与户主关系). */
export const RELATIONS = ['head', 'spouse', 'child', 'parent', 'grandchild', 'sibling', 'other'] as const;
export type Relation = (typeof RELATIONS)[number];

/** 户籍 (registered and living here), 常住 (living here, registered elsewhere), 流动 (floating), 空挂 (registered, away). */
export const RESIDENCE_KINDS = ['registered', 'resident', 'floating', 'absent'] as const;
export type ResidenceKind = (typeof RESIDENCE_KINDS)[number];

export const PLACE_KINDS = ['shop', 'enterprise', 'school', 'park', 'hospital', 'market', 'other'] as const;
export type PlaceKind = (typeof PLACE_KINDS)[number];

export const THING_KINDS = ['hydrant', 'manhole', 'retainingWall', 'facade', 'slope', 'other'] as const;
export type ThingKind = (typeof THING_KINDS)[number];

/** Risk levels of a thing, lowest first; the map colours them green, yellow, orange, red. */
export const RISK_LEVELS = ['low', 'medium', 'high', 'major'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

export const IMPORT_MODES = ['allValid', 'allOrNothing'] as const;
export type ImportMode = (typeof IMPORT_MODES)[number];

export const IMPORT_STATUSES = ['queued', 'running', 'done', 'failed'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

export const REGISTRY_LIMITS = {
  name: 60,
  address: 200,
  note: 1000,
  roomNo: 20,
  hazardText: 2000,
  tagsPerResident: 20,
  /** rows of one import file */
  importRows: 200_000,
  /** bytes of one import file */
  importBytes: 64 * 1024 * 1024,
  pageSize: 50,
  maxPageSize: 500,
} as const;

/** Who reads the registry (within their territory): the roles that work in grids and communities and lead them. */
export const REGISTRY_READERS = ['admin', 'leader', 'dispatcher', 'communityStaff', 'gridWorker'] as const satisfies readonly Role[];

/** Who adds and edits registry records and imports them: grid workers (their grid), community staff, admins. */
export const REGISTRY_EDITORS = ['admin', 'communityStaff', 'gridWorker'] as const satisfies readonly Role[];

/**
 * Who sees a resident's phone whole (to call them: the grid worker's one-tap call) and PIPL-sensitive tags
 * (残疾人, 低保对象, 社区矫正对象 …): those who visit and care for the people of the grid. Each such read is audited.
 */
export const REGISTRY_CARERS = ['communityStaff', 'gridWorker'] as const satisfies readonly Role[];

/** Who sees an ID number whole: community staff who verify identities (e.g. for benefits); audited. */
export const ID_NUMBER_READERS = ['communityStaff'] as const satisfies readonly Role[];
