// Exports of the registry's lists: the list of GET /api/registry/<kind> with the same filters, every page read by keyset
// from the list's own store function and shaped by its own presenter (so masked exactly as the reader sees the list:
// ID numbers and phones masked, sensitive tags only for carers), written as it is read with ExcelJS's streaming
// WorkbookWriter. The audit entry (kind, filters, rows) is written before the first byte goes out: an export changes
// nothing, and a reader who broke off the download has still seen what it saw.
import { PassThrough, type Readable } from 'node:stream';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import ExcelJS from 'exceljs';
import { Value } from '@sinclair/typebox/value';
import type { Static, TSchema } from '@sinclair/typebox';
import { requirePrincipal } from '../platform/auth.ts';
import { AppError } from '../platform/errors.ts';
import { audit, actorOf } from '../audit/audit-log.ts';
import type { RegistryKind } from '../../shared/registry.ts';
import { LABELS } from '../../domain/registry/columns.ts';
import { normaliseIdNumber } from '../../domain/registry/id-number.ts';
import { normalisePhone } from '../../domain/registry/phone.ts';
import { reachOf, filterPath, type Reach } from './reach.ts';
import { catalogFor, checkTagFilter } from './route-helpers.ts';
import * as store from './store.ts';
import * as sites from './place-thing-store.ts';
import * as p from './presenters.ts';
import * as s from './schemas.ts';
import type { TagRow } from './tags-store.ts';

const PAGE = 500;
const PAGING_KEYS = ['page', 'pageSize', 'cursor'];

const withoutPaging = (schema: TSchema & { properties: Record<string, TSchema> }) =>
  Object.fromEntries(Object.entries(schema.properties).filter(([k]) => !PAGING_KEYS.includes(k)));

const LIST_QUERIES: Record<RegistryKind, TSchema> = {
  residents: s.ResidentListQuery, households: s.HouseholdListQuery, buildings: s.BuildingListQuery, places: s.PlaceListQuery, things: s.ThingListQuery,
};

/** The filters of every list (each kind's own are checked against its list's schema). */
export const EXPORT_FILTER_KEYS = [...new Set(Object.values(LIST_QUERIES).flatMap((q) => Object.keys(withoutPaging(q as never))))];

type Label = { zh: string };
const zh = (set: Record<string, Label>, code: string | null) => (code ? set[code]?.zh ?? code : null);

interface Sheet<V> { columns: { header: string; width: number; value: (v: V) => unknown }[] }

function tagNames(codes: readonly string[], catalog: readonly TagRow[]): string {
  return codes.map((c) => catalog.find((t) => t.code === c)?.name ?? c).join('、');
}

const SHEETS = {
  residents: (catalog: readonly TagRow[]): Sheet<Static<typeof s.ResidentView>> => ({
    columns: [
      { header: '姓名', width: 12, value: (v) => v.name },
      { header: '身份证号', width: 22, value: (v) => v.idNumber },
      { header: '性别', width: 6, value: (v) => zh(LABELS.gender, v.gender) },
      { header: '出生日期', width: 12, value: (v) => v.birthDate },
      { header: '手机号', width: 14, value: (v) => v.phone },
      { header: '住址', width: 30, value: (v) => v.householdAddress },
      { header: '与户主关系', width: 10, value: (v) => zh(LABELS.relation, v.relation) },
      { header: '人员标签', width: 24, value: (v) => tagNames(v.tags, catalog) },
      { header: '是否党员', width: 8, value: (v) => (v.partyMember ? '是' : '否') },
      { header: '所属网格', width: 16, value: (v) => v.gridName },
      { header: '备注', width: 24, value: (v) => v.note },
    ],
  }),
  households: (catalog: readonly TagRow[]): Sheet<Static<typeof s.HouseholdView>> => ({
    columns: [
      { header: '地址', width: 30, value: (v) => v.address },
      { header: '楼栋', width: 16, value: (v) => v.buildingName },
      { header: '单元', width: 6, value: (v) => v.unitNo },
      { header: '楼层', width: 6, value: (v) => v.floorNo },
      { header: '房号', width: 8, value: (v) => v.roomNo },
      { header: '户主', width: 10, value: (v) => v.headName },
      { header: '人数', width: 6, value: (v) => v.memberCount },
      { header: '居住类型', width: 8, value: (v) => zh(LABELS.residenceKind, v.residenceKind) },
      { header: '人员标签', width: 24, value: (v) => tagNames(v.tags, catalog) },
      { header: '所属网格', width: 16, value: (v) => v.gridName },
      { header: '备注', width: 24, value: (v) => v.note },
    ],
  }),
  buildings: (): Sheet<Static<typeof s.BuildingView>> => ({
    columns: [
      { header: '名称', width: 18, value: (v) => v.name },
      { header: '地址', width: 26, value: (v) => v.address },
      { header: '经度', width: 11, value: (v) => v.location.lng },
      { header: '纬度', width: 11, value: (v) => v.location.lat },
      { header: '单元数', width: 7, value: (v) => v.units },
      { header: '层数', width: 6, value: (v) => v.floors },
      { header: '每层户数', width: 8, value: (v) => v.roomsPerFloor },
      { header: '结构', width: 8, value: (v) => v.structure },
      { header: '建成年份', width: 8, value: (v) => v.builtYear },
      { header: '住户数', width: 7, value: (v) => v.householdCount },
      { header: '所属网格', width: 16, value: (v) => v.gridName },
      { header: '备注', width: 24, value: (v) => v.note },
    ],
  }),
  places: (): Sheet<Static<typeof s.PlaceView>> => ({
    columns: [
      { header: '名称', width: 20, value: (v) => v.name },
      { header: '类型', width: 8, value: (v) => zh(LABELS.placeKind, v.kind) },
      { header: '地址', width: 26, value: (v) => v.address },
      { header: '经度', width: 11, value: (v) => v.location.lng },
      { header: '纬度', width: 11, value: (v) => v.location.lat },
      { header: '统一社会信用代码', width: 20, value: (v) => v.creditCode },
      { header: '联系人', width: 10, value: (v) => v.contactName },
      { header: '联系电话', width: 14, value: (v) => v.contactPhone },
      { header: '所属网格', width: 16, value: (v) => v.gridName },
      { header: '备注', width: 24, value: (v) => v.note },
    ],
  }),
  things: (): Sheet<Static<typeof s.ThingView>> => ({
    columns: [
      { header: '名称', width: 22, value: (v) => v.name },
      { header: '类型', width: 8, value: (v) => zh(LABELS.thingKind, v.kind) },
      { header: '风险等级', width: 8, value: (v) => zh(LABELS.riskLevel, v.riskLevel) },
      { header: '巡查周期（天）', width: 10, value: (v) => v.inspectionEveryDays },
      { header: '上次巡查', width: 12, value: (v) => v.lastInspectedOn },
      { header: '下次巡查', width: 12, value: (v) => v.nextInspectionOn },
      { header: '地址', width: 26, value: (v) => v.address },
      { header: '经度', width: 11, value: (v) => v.location.lng },
      { header: '纬度', width: 11, value: (v) => v.location.lat },
      { header: '所属网格', width: 16, value: (v) => v.gridName },
      { header: '备注', width: 24, value: (v) => v.note },
    ],
  }),
} as const;

interface Source<V> {
  count: () => Promise<number>;
  /** one page after the cursor (null: the first) */
  page: (after: [string, string] | null) => Promise<{ views: V[]; next: [string, string] | null }>;
  sheet: Sheet<V>;
}

async function sourceOf(app: FastifyInstance, reach: Reach, kind: RegistryKind, q: Record<string, unknown>): Promise<Source<unknown>> {
  const db = app.db;
  const paging = (after: [string, string] | null): store.Paging => ({ limit: PAGE + 1, offset: 0, after });
  const paged = <R, V>(rows: R[], key: (r: R) => [string, string], view: (r: R) => V) => {
    const items = rows.slice(0, PAGE);
    return { views: items.map(view), next: rows.length > PAGE ? key(items[items.length - 1]!) : null };
  };
  const underPath = await filterPath(db, reach, q.gridId as string | undefined);
  const text = typeof q.q === 'string' ? q.q.trim() || undefined : undefined;
  switch (kind) {
    case 'residents': {
      const catalog = await catalogFor(db, reach);
      checkTagFilter(q.tag as string[] | undefined, catalog, reach);
      const phone = typeof q.phone === 'string' ? normalisePhone(q.phone) ?? q.phone : undefined;
      const f: store.ResidentFilter = {
        q: text, tags: q.tag as string[] | undefined, householdId: q.householdId as string | undefined, includeLeft: q.includeLeft as boolean | undefined, underPath,
        idNumberHash: typeof q.idNumber === 'string' ? app.pii.lookupHash(normaliseIdNumber(q.idNumber)) : undefined,
        phoneHash: phone === undefined ? undefined : app.pii.lookupHash(phone),
      };
      return {
        count: () => store.countResidents(db, reach, f), sheet: SHEETS.residents(catalog) as Sheet<unknown>,
        page: async (after) => paged(await store.listResidents(db, reach, f, paging(after)), (r) => [r.name_pinyin, r.id], (r) => p.presentResident(r, reach, catalog)),
      };
    }
    case 'households': {
      const catalog = await catalogFor(db, reach);
      checkTagFilter(q.tag as string[] | undefined, catalog, reach);
      const f: store.HouseholdFilter = { q: text, buildingId: q.buildingId as string | undefined, tags: q.tag as string[] | undefined, underPath };
      return {
        count: () => store.countHouseholds(db, reach, f), sheet: SHEETS.households(catalog) as Sheet<unknown>,
        page: async (after) => paged(await store.listHouseholds(db, reach, f, paging(after)), (h) => [h.address, h.id], (h) => p.presentHousehold(h, reach, catalog)),
      };
    }
    case 'buildings': {
      const f = { q: text, underPath };
      return {
        count: () => store.countBuildings(db, reach, f), sheet: SHEETS.buildings() as Sheet<unknown>,
        page: async (after) => paged(await store.listBuildings(db, reach, f, paging(after)), (b) => [b.name, b.id], (b) => p.presentBuilding(b, reach)),
      };
    }
    case 'places': {
      const f = { q: text, kinds: q.kind as string[] | undefined, underPath };
      return {
        count: () => sites.countPlaces(db, reach, f), sheet: SHEETS.places() as Sheet<unknown>,
        page: async (after) => paged(await sites.listPlaces(db, reach, f, paging(after)), (x) => [x.name, x.id], (x) => p.presentPlace(x, reach)),
      };
    }
    case 'things': {
      const f = { q: text, kinds: q.kind as string[] | undefined, riskLevels: q.riskLevel as string[] | undefined, buildingId: q.buildingId as string | undefined, underPath };
      return {
        count: () => sites.countThings(db, reach, f), sheet: SHEETS.things() as Sheet<unknown>,
        page: async (after) => paged(await sites.listThings(db, reach, f, paging(after)), (x) => [x.name, x.id], (x) => p.presentThing(x, reach)),
      };
    }
  }
}

/** Checks the filters against the kind's list, audits the export, and answers the workbook as a stream. */
export async function exportWorkbook(app: FastifyInstance, req: FastifyRequest, kind: RegistryKind, query: Record<string, unknown>): Promise<Readable> {
  const filters = Object.fromEntries(Object.entries(query).filter(([k, v]) => !PAGING_KEYS.includes(k) && v !== undefined));
  if (!Value.Check(LIST_QUERIES[kind], filters)) {
    throw new AppError('VALIDATION_FAILED', `These filters are not those of the ${kind} list.`, '筛选条件与该名单不符。');
  }
  const reach = reachOf(requirePrincipal(req));
  const source = await sourceOf(app, reach, kind, filters);
  const rows = await source.count();
  // what was exported, and by whom, before it leaves; the ID number and phone filters are not written down in the clear
  const logged = { ...filters, ...(filters.idNumber ? { idNumber: '(given)' } : {}), ...(filters.phone ? { phone: '(given)' } : {}) };
  await audit(app.db, { at: app.clock(), ...actorOf(req), action: 'registry.export', targetType: 'registry', targetId: kind, success: true, detail: { kind, filters: logged, rows } });
  const out = new PassThrough();
  void writeSheet(out, source, kind).catch((err: Error) => out.destroy(err));
  return out;
}

async function writeSheet(out: PassThrough, source: Source<unknown>, kind: RegistryKind): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const sheet = wb.addWorksheet(kind);
  sheet.columns = source.sheet.columns.map((c) => ({ header: c.header, width: c.width }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  let after: [string, string] | null = null;
  do {
    const page = await source.page(after);
    for (const v of page.views) sheet.addRow(source.sheet.columns.map((c) => c.value(v) ?? null)).commit();
    after = page.next;
  } while (after);
  sheet.commit();
  await wb.commit();
}

