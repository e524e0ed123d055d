// The columns of each registry import (and of its template and export): the order, the Chinese header users see and
// the import matches, the kind of value, and the Chinese words of every choice — so the template, the import, the web
// and the exports all use the same words. Plain data and rules, no I/O.
import {
  GENDERS, PLACE_KINDS, RELATIONS, RESIDENCE_KINDS, RISK_LEVELS, THING_KINDS, REGISTRY_LIMITS,
  type Gender, type PlaceKind, type RegistryKind, type Relation, type ResidenceKind, type RiskLevel, type ThingKind,
} from '../../shared/registry.ts';

export type Label = { zh: string; en: string };

/** The words of every choice of the registry, in both languages. */
export const LABELS = {
  gender: { male: { zh: '男', en: 'Male' }, female: { zh: '女', en: 'Female' } } satisfies Record<Gender, Label>,
  relation: {
    head: { zh: '户主', en: 'Head of household' }, spouse: { zh: '配偶', en: 'Spouse' }, child: { zh: '子女', en: 'Child' },
    parent: { zh: '父母', en: 'Parent' }, grandchild: { zh: '孙辈', en: 'Grandchild' }, sibling: { zh: '兄弟姐妹', en: 'Sibling' },
    other: { zh: '其他', en: 'Other' },
  } satisfies Record<Relation, Label>,
  residenceKind: {
    registered: { zh: '户籍', en: 'Registered here' }, resident: { zh: '常住', en: 'Living here' },
    floating: { zh: '流动', en: 'Floating' }, absent: { zh: '空挂', en: 'Registered, living elsewhere' },
  } satisfies Record<ResidenceKind, Label>,
  placeKind: {
    shop: { zh: '商铺', en: 'Shop' }, enterprise: { zh: '企业', en: 'Enterprise' }, school: { zh: '学校', en: 'School' },
    park: { zh: '公园', en: 'Park' }, hospital: { zh: '医院', en: 'Hospital' }, market: { zh: '市场', en: 'Market' },
    other: { zh: '其他', en: 'Other' },
  } satisfies Record<PlaceKind, Label>,
  thingKind: {
    hydrant: { zh: '消防栓', en: 'Fire hydrant' }, manhole: { zh: '窨井盖', en: 'Manhole cover' },
    retainingWall: { zh: '堡坎', en: 'Retaining wall' }, facade: { zh: '外立面', en: 'Facade' }, slope: { zh: '边坡', en: 'Slope' },
    other: { zh: '其他', en: 'Other' },
  } satisfies Record<ThingKind, Label>,
  riskLevel: {
    low: { zh: '低', en: 'Low' }, medium: { zh: '中', en: 'Medium' }, high: { zh: '高', en: 'High' }, major: { zh: '重大', en: 'Major' },
  } satisfies Record<RiskLevel, Label>,
  yesNo: { yes: { zh: '是', en: 'Yes' }, no: { zh: '否', en: 'No' } },
} as const;

export type LabelSet = keyof typeof LABELS;

/** The codes of each choice, in the order lists and templates offer them. */
export const LABEL_CODES: { [K in LabelSet]: readonly (keyof (typeof LABELS)[K])[] } = {
  gender: GENDERS, relation: RELATIONS, residenceKind: RESIDENCE_KINDS, placeKind: PLACE_KINDS, thingKind: THING_KINDS,
  riskLevel: RISK_LEVELS, yesNo: ['yes', 'no'],
};

/** The Chinese words of a choice, for a template's data-validation list. */
export const zhOptions = (set: LabelSet): readonly string[] =>
  LABEL_CODES[set].map((code) => (LABELS[set] as Record<string, Label>)[code as string]!.zh);

export type ColumnKind = 'text' | 'idNumber' | 'phone' | 'date' | 'integer' | 'number' | 'list' | 'tags' | 'boolean';

export interface ColumnDef {
  key: string;
  /** the Chinese header of the template, matched on import */
  header: string;
  headerEn: string;
  required: boolean;
  kind: ColumnKind;
  /** the Chinese words of a list column (data validation in the template) */
  options?: readonly string[];
  /** for a list column: which LABELS set its words come from */
  labels?: LabelSet;
  /** a sample row's value */
  example: string;
  /** text: the most characters */
  maxLength?: number;
  /** integer: the range allowed */
  min?: number;
  max?: number;
  /** a line for the template's note on the header */
  hint?: string;
}

const list = (set: LabelSet) => ({ kind: 'list' as const, labels: set, options: zhOptions(set) });
const L = REGISTRY_LIMITS;
const lng = { key: 'lng', header: '经度', headerEn: 'Longitude', required: false, kind: 'number', example: '106.5516', hint: '东经，WGS-84 坐标；与纬度同填或同空' } as const;
const lat = { key: 'lat', header: '纬度', headerEn: 'Latitude', required: false, kind: 'number', example: '29.5630', hint: '北纬，WGS-84 坐标；与经度同填或同空' } as const;
const note = { key: 'note', header: '备注', headerEn: 'Note', required: false, kind: 'text', maxLength: L.note, example: '' } as const;

export const IMPORT_COLUMNS: Record<RegistryKind, readonly ColumnDef[]> = {
  residents: [
    { key: 'name', header: '姓名', headerEn: 'Name', required: true, kind: 'text', maxLength: L.name, example: '张秀英' },
    { key: 'idNumber', header: '身份证号', headerEn: 'ID number', required: true, kind: 'idNumber', example: '11010519491231002X', hint: '18 位，本列须为文本格式' },
    { key: 'gender', header: '性别', headerEn: 'Gender', required: false, ...list('gender'), example: '女', hint: '可不填，由身份证号得出；填写时须与身份证号一致' },
    { key: 'birthDate', header: '出生日期', headerEn: 'Birth date', required: false, kind: 'date', example: '1949-12-31', hint: '可不填，由身份证号得出；填写时须与身份证号一致' },
    { key: 'phone', header: '手机号', headerEn: 'Phone', required: false, kind: 'phone', example: '13812345678' },
    { key: 'address', header: '住址', headerEn: 'Address', required: false, kind: 'text', maxLength: L.address, example: '幸福路 8 号 2 栋 1 单元 302', hint: '住址、楼栋或经纬度至少填一项，用于确定所在网格和户' },
    { key: 'building', header: '楼栋', headerEn: 'Building', required: false, kind: 'text', maxLength: L.name, example: '幸福小区 2 栋' },
    { key: 'unitNo', header: '单元', headerEn: 'Unit', required: false, kind: 'integer', min: 1, max: 50, example: '1' },
    { key: 'roomNo', header: '房号', headerEn: 'Room', required: false, kind: 'text', maxLength: L.roomNo, example: '302' },
    { key: 'relation', header: '与户主关系', headerEn: 'Relation to head', required: false, ...list('relation'), example: '户主' },
    { key: 'tags', header: '人员标签', headerEn: 'Tags', required: false, kind: 'tags', example: '独居老人、高龄老人', hint: '多个标签用顿号、逗号或分号隔开' },
    { key: 'partyMember', header: '是否党员', headerEn: 'Party member', required: false, kind: 'boolean', options: zhOptions('yesNo'), example: '否' },
    lng, lat, note,
  ],
  households: [
    { key: 'address', header: '地址', headerEn: 'Address', required: true, kind: 'text', maxLength: L.address, example: '幸福路 8 号 2 栋 1 单元 302' },
    { key: 'building', header: '楼栋', headerEn: 'Building', required: false, kind: 'text', maxLength: L.name, example: '幸福小区 2 栋' },
    { key: 'unitNo', header: '单元', headerEn: 'Unit', required: false, kind: 'integer', min: 1, max: 50, example: '1' },
    { key: 'floorNo', header: '楼层', headerEn: 'Floor', required: false, kind: 'integer', min: 1, max: 200, example: '3' },
    { key: 'roomNo', header: '房号', headerEn: 'Room', required: false, kind: 'text', maxLength: L.roomNo, example: '302' },
    { key: 'headIdNumber', header: '户主身份证号', headerEn: 'Head\'s ID number', required: false, kind: 'idNumber', example: '11010519491231002X', hint: '18 位，本列须为文本格式' },
    { key: 'residenceKind', header: '居住类型', headerEn: 'Residence', required: false, ...list('residenceKind'), example: '户籍', hint: '不填为户籍' },
    lng, lat, note,
  ],
  buildings: [
    { key: 'name', header: '名称', headerEn: 'Name', required: true, kind: 'text', maxLength: L.name, example: '幸福小区 2 栋' },
    { key: 'address', header: '地址', headerEn: 'Address', required: false, kind: 'text', maxLength: L.address, example: '幸福路 8 号', hint: '地址或经纬度至少填一项' },
    lng, lat,
    { key: 'units', header: '单元数', headerEn: 'Units', required: true, kind: 'integer', min: 1, max: 50, example: '2' },
    { key: 'floors', header: '层数', headerEn: 'Floors', required: true, kind: 'integer', min: 1, max: 200, example: '7' },
    { key: 'roomsPerFloor', header: '每层户数', headerEn: 'Rooms per floor', required: true, kind: 'integer', min: 1, max: 50, example: '2' },
    { key: 'structure', header: '结构', headerEn: 'Structure', required: false, kind: 'text', maxLength: L.name, example: '砖混' },
    { key: 'builtYear', header: '建成年份', headerEn: 'Year built', required: false, kind: 'integer', min: 1800, max: 2100, example: '1998' },
    note,
  ],
  places: [
    { key: 'name', header: '名称', headerEn: 'Name', required: true, kind: 'text', maxLength: L.name, example: '幸福便利店' },
    { key: 'kind', header: '类型', headerEn: 'Kind', required: true, ...list('placeKind'), example: '商铺' },
    { key: 'address', header: '地址', headerEn: 'Address', required: false, kind: 'text', maxLength: L.address, example: '幸福路 10 号', hint: '地址或经纬度至少填一项' },
    lng, lat,
    { key: 'creditCode', header: '统一社会信用代码', headerEn: 'Unified social credit code', required: false, kind: 'text', maxLength: 18, example: '91350100M000100Y43' },
    { key: 'contactName', header: '联系人', headerEn: 'Contact', required: false, kind: 'text', maxLength: L.name, example: '李明' },
    { key: 'contactPhone', header: '联系电话', headerEn: 'Contact phone', required: false, kind: 'phone', example: '023-68123456' },
    note,
  ],
  things: [
    { key: 'name', header: '名称', headerEn: 'Name', required: true, kind: 'text', maxLength: L.name, example: '幸福路 8 号门前消防栓' },
    { key: 'kind', header: '类型', headerEn: 'Kind', required: true, ...list('thingKind'), example: '消防栓' },
    { key: 'riskLevel', header: '风险等级', headerEn: 'Risk level', required: true, ...list('riskLevel'), example: '低' },
    { key: 'inspectionEveryDays', header: '巡查周期（天）', headerEn: 'Inspect every (days)', required: false, kind: 'integer', min: 1, max: 3660, example: '30' },
    { key: 'address', header: '地址', headerEn: 'Address', required: false, kind: 'text', maxLength: L.address, example: '幸福路 8 号', hint: '地址、楼栋或经纬度至少填一项' },
    lng, lat,
    { key: 'building', header: '楼栋', headerEn: 'Building', required: false, kind: 'text', maxLength: L.name, example: '' },
    note,
  ],
};

/** A header as people retype it, made comparable: full-width to half-width, no spaces, no required-mark asterisk, lower case. */
const comparableHeader = (h: string) => h.normalize('NFKC').replace(/[\s*]/g, '').toLowerCase();

export type HeaderMatch =
  | { ok: true; keys: (string | null)[] }
  | { ok: false; missing: ColumnDef[]; repeated: ColumnDef[] };

/**
 * Which column each header cell of a file is (its key, or null for a column we do not read), by its Chinese or English
 * header; refused when a required column is missing or a column appears twice. The order of the columns is free.
 */
export function matchHeaders(kind: RegistryKind, headers: readonly (string | null | undefined)[]): HeaderMatch {
  const columns = IMPORT_COLUMNS[kind];
  const seen = new Set<string>();
  const repeated: ColumnDef[] = [];
  const keys = headers.map((h) => {
    if (h === null || h === undefined) return null;
    const c = comparableHeader(String(h));
    const column = columns.find((col) => comparableHeader(col.header) === c || comparableHeader(col.headerEn) === c || col.key.toLowerCase() === c);
    if (!column) return null;
    if (seen.has(column.key)) { if (!repeated.includes(column)) repeated.push(column); return null; }
    seen.add(column.key);
    return column.key;
  });
  const missing = columns.filter((col) => col.required && !seen.has(col.key));
  return missing.length || repeated.length ? { ok: false, missing, repeated } : { ok: true, keys };
}
