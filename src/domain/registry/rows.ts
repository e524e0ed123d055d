// One row of a registry import (or one record entered by hand) checked column by column: every problem of the row is
// reported, each naming its column (the Chinese header) and giving the reason in both languages. Cells come as an
// Excel reader gives them (text, numbers, dates) keyed by column key (see matchHeaders). Placing a row in a grid by
// its address, building or location is I/O and not done here: the address, building and coordinates are carried
// through. Plain rules, no I/O, no clock of their own.
import {
  REGISTRY_LIMITS, type Gender, type PlaceKind, type RegistryKind, type Relation, type ResidenceKind, type RiskLevel, type ThingKind,
} from '../../shared/registry.ts';
import { IMPORT_COLUMNS, LABEL_CODES, LABELS, type ColumnDef, type Label, type LabelSet } from './columns.ts';
import { normaliseCreditCode } from './credit-code.ts';
import { idNumberProblemMessage, parseIdNumber, type IdNumberProblem } from './id-number.ts';
import { normaliseRoomNo } from './layout.ts';
import { normalisePhone } from './phone.ts';
import { resolveTag, splitTagList, type TagDefinition } from './tags.ts';

export type Cell = string | number | boolean | Date | null | undefined;

export interface RowContext {
  /** YYYY-MM-DD, the importer's day: birth dates and years built may not be later */
  today: string;
  catalog: readonly TagDefinition[];
}

export type RowProblemCode =
  | IdNumberProblem
  | 'REQUIRED' | 'TOO_LONG' | 'DATE_FORMAT' | 'BIRTH_DATE_MISMATCH' | 'GENDER_MISMATCH' | 'PHONE_FORMAT'
  | 'OPTION_UNKNOWN' | 'TAG_UNKNOWN' | 'TAGS_TOO_MANY' | 'BOOLEAN_FORMAT' | 'INTEGER_FORMAT' | 'INTEGER_RANGE'
  | 'NUMBER_FORMAT' | 'LOCATION_HALF' | 'LOCATION_OUTSIDE_CHINA' | 'LOCATION_MISSING' | 'CREDIT_CODE_FORMAT';

export interface RowProblem {
  /** the Chinese header of the column */
  column: string;
  code: RowProblemCode;
  zh: string;
  en: string;
}

export type RowCheck<T> = { ok: true; value: T } | { ok: false; problems: RowProblem[] };

interface Located { address: string | null; lng: number | null; lat: number | null; note: string | null }

export interface ResidentRow extends Located {
  name: string; idNumber: string; gender: Gender; birthDate: string; phone: string | null;
  building: string | null; unitNo: number | null; roomNo: string | null; relation: Relation | null;
  /** tag codes of the catalog, each once; party_member among them exactly when partyMember */
  tags: string[]; partyMember: boolean;
}
export interface HouseholdRow extends Located {
  address: string; building: string | null; unitNo: number | null; floorNo: number | null; roomNo: string | null;
  headIdNumber: string | null; residenceKind: ResidenceKind;
}
export interface BuildingRow extends Located {
  name: string; units: number; floors: number; roomsPerFloor: number; structure: string | null; builtYear: number | null;
}
export interface PlaceRow extends Located {
  name: string; kind: PlaceKind; creditCode: string | null; contactName: string | null; contactPhone: string | null;
}
export interface ThingRow extends Located {
  name: string; kind: ThingKind; riskLevel: RiskLevel; inspectionEveryDays: number | null; building: string | null;
}
export interface RowValues { residents: ResidentRow; households: HouseholdRow; buildings: BuildingRow; places: PlaceRow; things: ThingRow }

/** China's extent (73–136° E, 3–54° N): a point outside is a typing error or swapped coordinates. */
export const CHINA_BOUNDS = { west: 73, east: 136, south: 3, north: 54 } as const;

/** Other words people write for a choice (户口簿 says 本人 for the head; 男性, 妻 …). */
const ALIASES: Partial<Record<LabelSet, Record<string, readonly string[]>>> = {
  gender: { male: ['男性', 'm'], female: ['女性', 'f'] },
  relation: {
    head: ['本人'], spouse: ['妻', '妻子', '夫', '丈夫'], child: ['子', '女', '儿子', '女儿', '长子', '长女', '次子', '次女'],
    parent: ['父', '母', '父亲', '母亲'], grandchild: ['孙子', '孙女', '外孙子', '外孙女'], sibling: ['兄', '弟', '姐', '妹'],
  },
  yesNo: { yes: ['y', 'true', '1', '√', '✓', '✔'], no: ['n', 'false', '0', '×', '✗', '✘'] },
};

const DAY_MS = 86_400_000;
const comparable = (s: string) => s.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();
const chars = (s: string) => [...s].length;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

function isRealDate(date: string): boolean {
  const d = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === date;
}

/** The cell as trimmed text; null when empty. A date as YYYY-MM-DD, a boolean as 是/否. */
function text(cell: Cell): string | null {
  if (cell === null || cell === undefined) return null;
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? null : isoDay(Math.round(cell.getTime() / DAY_MS) * DAY_MS);
  if (typeof cell === 'boolean') return cell ? LABELS.yesNo.yes.zh : LABELS.yesNo.no.zh;
  const s = String(cell).trim();
  return s === '' ? null : s;
}

/**
 * A date cell as YYYY-MM-DD: a Date (exceljs gives UTC midnight; a local midnight east of UTC rounds to the same day),
 * text as 1949-12-31, 1949/12/31, 1949.12.31, 1949年12月31日 or 19491231, an 8-digit number, or an Excel day number.
 */
function dateOf(cell: Cell): string | null {
  if (cell instanceof Date) return text(cell);
  if (typeof cell === 'number') {
    if (Number.isInteger(cell) && cell >= 19000101 && cell <= 29991231) return dateOf(String(cell));
    // Excel's day numbers (1900 system) from 1900-03-01 on: day 61; 1899-12-30 is day 0
    if (Number.isInteger(cell) && cell >= 61 && cell < 200_000) return isoDay(Date.UTC(1899, 11, 30) + cell * DAY_MS);
    return null;
  }
  const s = text(cell)?.normalize('NFKC').replace(/\s+/g, '');
  if (!s) return null;
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(s) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (!m) return null;
  const date = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  return isRealDate(date) ? date : null;
}

const INTEGER_SUFFIX = /(?:单元|层|楼|栋|户|年|天)$/;

export function checkRow<K extends RegistryKind>(kind: K, cells: Readonly<Record<string, Cell>>, ctx: RowContext): RowCheck<RowValues[K]> {
  const problems: RowProblem[] = [];
  const v: Record<string, unknown> = {};
  const columns = IMPORT_COLUMNS[kind];
  const col = (key: string) => columns.find((c) => c.key === key)!;
  const problem = (c: ColumnDef, code: RowProblemCode, zh: string, en: string) => problems.push({ column: c.header, code, zh, en });

  for (const c of columns) {
    const cell = cells[c.key];
    const raw = text(cell);
    v[c.key] = null;
    if (raw === null) {
      if (c.required) problem(c, 'REQUIRED', `请填写${c.header}。`, `Enter the ${c.headerEn.toLowerCase()}.`);
      if (c.kind === 'tags') v[c.key] = [];
      if (c.kind === 'boolean') v[c.key] = false;
      continue;
    }
    switch (c.kind) {
      case 'text': {
        const max = c.maxLength ?? REGISTRY_LIMITS.name;
        if (chars(raw) > max) problem(c, 'TOO_LONG', `${c.header}不能超过 ${max} 个字（现有 ${chars(raw)} 个）。`, `${c.headerEn} is longer than ${max} characters (${chars(raw)}).`);
        else v[c.key] = raw;
        break;
      }
      case 'idNumber': {
        const parsed = typeof cell === 'number'
          ? { ok: false as const, code: (cell >= 1e15 ? 'ID_NUMBER_SCIENTIFIC' : 'ID_NUMBER_FORMAT') as IdNumberProblem }
          : parseIdNumber(raw, ctx.today);
        if (parsed.ok) v[c.key] = parsed;
        else { const m = idNumberProblemMessage(parsed.code); problem(c, parsed.code, m.zh, m.en); }
        break;
      }
      case 'phone': {
        const phone = normalisePhone(raw);
        if (phone === null) {
          problem(c, 'PHONE_FORMAT', `${c.header}须为 11 位手机号或带区号的固定电话（如 023-68123456）。`,
            `${c.headerEn} must be an 11-digit mobile number or a landline with its area code (e.g. 023-68123456).`);
        } else v[c.key] = phone;
        break;
      }
      case 'date': {
        const date = dateOf(cell);
        if (date === null) problem(c, 'DATE_FORMAT', `${c.header}不是有效日期（如 1949-12-31）。`, `${c.headerEn} is not a date (e.g. 1949-12-31).`);
        else v[c.key] = date;
        break;
      }
      case 'integer': {
        const s = raw.normalize('NFKC').replace(/\s+/g, '').replace(INTEGER_SUFFIX, '');
        const n = typeof cell === 'number' ? cell : /^[+-]?\d+$/.test(s) ? Number(s) : Number.NaN;
        const max = c.key === 'builtYear' ? Math.min(c.max ?? Infinity, Number(ctx.today.slice(0, 4))) : (c.max ?? Infinity);
        const min = c.min ?? -Infinity;
        if (!Number.isInteger(n)) problem(c, 'INTEGER_FORMAT', `${c.header}须为整数。`, `${c.headerEn} must be a whole number.`);
        else if (n < min || n > max) problem(c, 'INTEGER_RANGE', `${c.header}须在 ${min} 到 ${max} 之间。`, `${c.headerEn} must be from ${min} to ${max}.`);
        else v[c.key] = n;
        break;
      }
      case 'number': {
        const s = raw.normalize('NFKC').replace(/\s+/g, '');
        const n = typeof cell === 'number' ? cell : /^[+-]?\d+(?:\.\d+)?$/.test(s) ? Number(s) : Number.NaN;
        if (!Number.isFinite(n)) problem(c, 'NUMBER_FORMAT', `${c.header}须为数字（如 106.5516）。`, `${c.headerEn} must be a number (e.g. 106.5516).`);
        else v[c.key] = n;
        break;
      }
      case 'list': {
        const code = labelCode(c.labels!, raw);
        if (code === null) problem(c, 'OPTION_UNKNOWN', `${c.header}只能填：${c.options!.join('、')}。`, `${c.headerEn} must be one of: ${englishOptions(c.labels!)}.`);
        else v[c.key] = code;
        break;
      }
      case 'boolean': {
        const code = labelCode('yesNo', raw);
        if (code === null) problem(c, 'BOOLEAN_FORMAT', `${c.header}只能填“是”或“否”。`, `${c.headerEn} must be yes or no (是 or 否).`);
        else v[c.key] = code === 'yes';
        break;
      }
      case 'tags': {
        const codes: string[] = [];
        const unknown: string[] = [];
        for (const part of splitTagList(raw)) {
          const tag = resolveTag(part, ctx.catalog);
          if (!tag) unknown.push(part);
          else if (!codes.includes(tag.code)) codes.push(tag.code);
        }
        if (unknown.length) {
          problem(c, 'TAG_UNKNOWN', `${c.header}不在标签目录中：${unknown.join('、')}。`, `Not in the tag catalog: ${unknown.join(', ')}.`);
        } else if (codes.length > REGISTRY_LIMITS.tagsPerResident) {
          problem(c, 'TAGS_TOO_MANY', `${c.header}最多 ${REGISTRY_LIMITS.tagsPerResident} 个。`, `At most ${REGISTRY_LIMITS.tagsPerResident} tags.`);
        }
        v[c.key] = codes;
        break;
      }
    }
    if (c.key === 'roomNo' && typeof v[c.key] === 'string') v[c.key] = normaliseRoomNo(v[c.key] as string);
  }

  // coordinates: both or neither, and in China
  const lngCol = col('lng'), latCol = col('lat');
  const lngGiven = text(cells.lng) !== null, latGiven = text(cells.lat) !== null;
  if (lngGiven !== latGiven) {
    const missing = lngGiven ? latCol : lngCol;
    problem(missing, 'LOCATION_HALF', '经度和纬度须同时填写或同时不填。', 'Give both longitude and latitude, or neither.');
  } else if (typeof v.lng === 'number' && typeof v.lat === 'number') {
    const inChina = (lng: number, lat: number) =>
      lng >= CHINA_BOUNDS.west && lng <= CHINA_BOUNDS.east && lat >= CHINA_BOUNDS.south && lat <= CHINA_BOUNDS.north;
    if (!inChina(v.lng, v.lat)) {
      const swapped = inChina(v.lat, v.lng);
      problem(lngCol, 'LOCATION_OUTSIDE_CHINA',
        swapped ? '经纬度似乎填反了：经度在前（73–136），纬度在后（3–54）。' : '经纬度不在中国境内（经度 73–136，纬度 3–54）。',
        swapped ? 'Longitude and latitude seem swapped: longitude is 73–136, latitude 3–54.' : 'The location is outside China (longitude 73–136, latitude 3–54).');
    }
  }
  if (!lngGiven || !latGiven) { v.lng = null; v.lat = null; }

  // a place for the row: an address, a building or a location
  const addressCol = col('address');
  const placed = text(cells.address) !== null || (lngGiven && latGiven) || (columns.some((c) => c.key === 'building') && text(cells.building) !== null);
  if (!placed && !addressCol.required) {
    const withBuilding = columns.some((c) => c.key === 'building');
    problem(addressCol, 'LOCATION_MISSING',
      withBuilding ? `请填写${addressCol.header}、楼栋或经纬度，用于确定所在网格。` : `请填写${addressCol.header}或经纬度，用于确定所在网格。`,
      withBuilding ? 'Give an address, a building or a location, to place the row in its grid.' : 'Give an address or a location, to place the row in its grid.');
  }

  if (kind === 'residents') checkResidentAgreement(v, col, problem, ctx);
  if (kind === 'places' && typeof v.creditCode === 'string') {
    const code = normaliseCreditCode(v.creditCode);
    if (code === null) {
      problem(col('creditCode'), 'CREDIT_CODE_FORMAT', '统一社会信用代码须为 18 位且校验位正确。', 'A unified social credit code has 18 characters and a matching check character.');
    } else v.creditCode = code;
  }
  if (problems.length) {
    // as the row reads, left to right (a stable sort keeps a column's own problems in the order found)
    const at = (p: RowProblem) => columns.findIndex((c) => c.header === p.column);
    return { ok: false, problems: problems.sort((a, b) => at(a) - at(b)) };
  }
  return { ok: true, value: assemble(kind, v) as RowValues[K] };
}

/** Birth date and gender, when given, agree with the ID number; the party member column and tag say the same. */
function checkResidentAgreement(
  v: Record<string, unknown>, col: (key: string) => ColumnDef,
  problem: (c: ColumnDef, code: RowProblemCode, zh: string, en: string) => void, ctx: RowContext,
): void {
  const id = v.idNumber as { birthDate: string; gender: Gender } | null;
  if (id) {
    if (typeof v.birthDate === 'string' && v.birthDate !== id.birthDate) {
      problem(col('birthDate'), 'BIRTH_DATE_MISMATCH', `出生日期与身份证号不符（身份证号为 ${id.birthDate}）。`, `The birth date does not match the ID number (${id.birthDate}).`);
    }
    if (typeof v.gender === 'string' && v.gender !== id.gender) {
      problem(col('gender'), 'GENDER_MISMATCH', `性别与身份证号不符（身份证号为${LABELS.gender[id.gender].zh}）。`, `The gender does not match the ID number (${LABELS.gender[id.gender].en.toLowerCase()}).`);
    }
  }
  const tags = v.tags as string[];
  const partyTag = ctx.catalog.some((t) => t.code === 'party_member');
  const party = v.partyMember === true || tags.includes('party_member');
  v.partyMember = party;
  if (party && partyTag && !tags.includes('party_member')) tags.push('party_member');
}

function labelCode(set: LabelSet, raw: string): string | null {
  const s = comparable(raw);
  const labels = LABELS[set] as Record<string, Label>;
  for (const code of LABEL_CODES[set] as readonly string[]) {
    const l = labels[code]!;
    if (s === code.toLowerCase() || s === comparable(l.zh) || s === comparable(l.en) || ALIASES[set]?.[code]?.some((a) => comparable(a) === s)) return code;
  }
  return null;
}

const englishOptions = (set: LabelSet) => (LABEL_CODES[set] as readonly string[]).map((code) => (LABELS[set] as Record<string, Label>)[code]!.en).join(', ');

function assemble(kind: RegistryKind, v: Record<string, unknown>): RowValues[RegistryKind] {
  const located = { address: v.address as string | null, lng: v.lng as number | null, lat: v.lat as number | null, note: v.note as string | null };
  const s = (k: string) => v[k] as string | null;
  const n = (k: string) => v[k] as number | null;
  switch (kind) {
    case 'residents': {
      const id = v.idNumber as { idNumber: string; birthDate: string; gender: Gender };
      return {
        ...located, name: s('name')!, idNumber: id.idNumber, gender: id.gender, birthDate: id.birthDate, phone: s('phone'),
        building: s('building'), unitNo: n('unitNo'), roomNo: s('roomNo'), relation: s('relation') as Relation | null,
        tags: v.tags as string[], partyMember: v.partyMember as boolean,
      } satisfies ResidentRow;
    }
    case 'households': {
      const head = v.headIdNumber as { idNumber: string } | null;
      return {
        ...located, address: s('address')!, building: s('building'), unitNo: n('unitNo'), floorNo: n('floorNo'), roomNo: s('roomNo'),
        headIdNumber: head?.idNumber ?? null, residenceKind: (s('residenceKind') ?? 'registered') as ResidenceKind,
      } satisfies HouseholdRow;
    }
    case 'buildings':
      return {
        ...located, name: s('name')!, units: n('units')!, floors: n('floors')!, roomsPerFloor: n('roomsPerFloor')!,
        structure: s('structure'), builtYear: n('builtYear'),
      } satisfies BuildingRow;
    case 'places':
      return {
        ...located, name: s('name')!, kind: s('kind') as PlaceKind, creditCode: s('creditCode'), contactName: s('contactName'),
        contactPhone: s('contactPhone'),
      } satisfies PlaceRow;
    case 'things':
      return {
        ...located, name: s('name')!, kind: s('kind') as ThingKind, riskLevel: s('riskLevel') as RiskLevel,
        inspectionEveryDays: n('inspectionEveryDays'), building: s('building'),
      } satisfies ThingRow;
  }
}
