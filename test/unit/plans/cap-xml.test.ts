import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateXML } from 'xmllint-wasm';
import { capRefusals, draftCapAlert, type CapDraftInput } from '../../../src/domain/plans/cap.ts';
import { capToXml } from '../../../src/server/plans/cap-xml.ts';
import type { CapAlert } from '../../../src/shared/plans.ts';

// The CAP XML an incident sends is checked against the OASIS CAP 1.2 schema itself (libxml2's xmllint, in WebAssembly).
const XSD = readFileSync('test/fixtures/cap/CAP-v1.2.xsd', 'utf8');

async function schemaErrors(xml: string): Promise<string[]> {
  const r = await validateXML({ xml: [{ fileName: 'alert.xml', contents: xml }], schema: [{ fileName: 'CAP-v1.2.xsd', contents: XSD }] });
  return r.errors.map((e) => e.message);
}

const base: CapDraftInput = {
  incidentId: '0193a8f0-7c1e-7000-8000-000000000001', seq: 1, townCode: '500199001000', townName: '春晖路街道', drill: false,
  msgType: 'Alert', references: [],
  notice: {
    event: '河道涨水', urgency: 'Immediate', severity: null, certainty: 'Likely', headline: '清水溪水位超警戒 & 请远离河道 <沿河>',
    description: '清水溪春晖桥断面水位超过警戒水位，仍在上涨。', instruction: '沿河低洼住户请向春晖路小学转移。', areaDesc: '清水溪沿岸', expiresAfterH: 12,
  },
  hazard: 'flood', level: 'III', sentAt: new Date('2026-07-14T06:20:31.456Z'),
  area: {
    areaDesc: '清水溪沿岸',
    polygons: [[{ lng: 106.478, lat: 29.458 }, { lng: 106.482, lat: 29.458 }, { lng: 106.482, lat: 29.462 }, { lng: 106.478, lat: 29.462 }]],
  },
};
const first = draftCapAlert(base);

const cases: [string, CapAlert][] = [
  ['an Actual alert with a polygon', first],
  ['a drill: status Exercise with its note', draftCapAlert({ ...base, drill: true })],
  ['an Update referencing the first', draftCapAlert({ ...base, seq: 2, msgType: 'Update', level: 'II', references: [first], sentAt: new Date('2026-07-14T07:00:00Z') })],
  ['a Cancel referencing two, with a note', draftCapAlert({
    ...base, seq: 3, msgType: 'Cancel', note: '水位回落，解除响应', sentAt: new Date('2026-07-14T09:00:00Z'),
    references: [first, draftCapAlert({ ...base, seq: 2, msgType: 'Update', references: [first] })],
  })],
  ['a circle and no polygon, with an onset', draftCapAlert({
    ...base, hazard: 'buildingCrack', onsetAt: new Date('2026-07-14T07:00:00Z'),
    area: { areaDesc: '春晖路12号', polygons: [], circle: { center: { lng: 106.4801, lat: 29.4599 }, radiusKm: 1 } },
  })],
  ['two polygons and a circle', draftCapAlert({
    ...base, area: { ...base.area, polygons: [...base.area.polygons, [{ lng: 106.49, lat: 29.45 }, { lng: 106.5, lat: 29.45 }, { lng: 106.5, lat: 29.46 }, { lng: 106.49, lat: 29.45 }]], circle: { center: { lng: 106.48, lat: 29.46 }, radiusKm: 0.5 } },
  })],
];

describe('capToXml', () => {
  it.each(cases)('%s passes capRefusals and the OASIS CAP 1.2 schema', async (_name, alert) => {
    expect(capRefusals(alert)).toEqual([]);
    expect(await schemaErrors(capToXml(alert))).toEqual([]);
  });

  it('writes the namespace, the elements in the schema\'s order, escapes the text and leaves out empty optional ones', () => {
    const xml = capToXml(first);
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
    expect(xml).toContain('<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">');
    const order = ['identifier', 'sender', 'sent', 'status', 'msgType', 'scope', 'info', 'language', 'category', 'event', 'urgency', 'severity',
      'certainty', 'effective', 'expires', 'senderName', 'headline', 'description', 'instruction', 'area', 'areaDesc', 'polygon'];
    const at = order.map((tag) => xml.indexOf(`<${tag}>`));
    expect(at.every((i) => i > 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(xml).toContain('<headline>清水溪水位超警戒 &amp; 请远离河道 &lt;沿河&gt;（Ⅲ级响应）</headline>');
    expect(xml).toContain('<sent>2026-07-14T14:20:31+08:00</sent>');
    expect(xml).toContain('<polygon>29.458,106.478 29.458,106.482 29.462,106.482 29.462,106.478 29.458,106.478</polygon>');
    for (const tag of ['note', 'references', 'onset', 'circle']) expect(xml).not.toContain(`<${tag}>`);
  });

  it('writes the references of an Update space-separated, each "sender,identifier,sent"', () => {
    const update = draftCapAlert({ ...base, seq: 2, msgType: 'Update', references: [first], sentAt: new Date('2026-07-14T07:00:00Z') });
    expect(capToXml(update)).toContain(
      '<references>zhizhi@500199001000.gov.cn,zhizhi.500199001000.0193a8f0-7c1e-7000-8000-000000000001.1,2026-07-14T14:20:31+08:00</references>');
  });

  it('drops control characters XML cannot hold (capRefusals names them first)', async () => {
    const alert = draftCapAlert({ ...base, notice: { ...base.notice, description: '水位\u0007上涨' } });
    expect(capRefusals(alert)).toEqual(['文字中含有控制字符']);
    const xml = capToXml(alert);
    expect(xml).toContain('<description>水位上涨</description>');
    expect(await schemaErrors(xml)).toEqual([]);
  });

  it.each<[string, (a: CapAlert) => CapAlert]>([
    ['a status outside the enumeration', (a) => ({ ...a, status: 'Real' as CapAlert['status'] })],
    ['a time without its zone', (a) => ({ ...a, sent: '2026-07-14T14:20:31' })],
    ['a time with milliseconds', (a) => ({ ...a, info: { ...a.info, expires: '2026-07-15T02:20:31.000+08:00' } })],
    ['no category', (a) => ({ ...a, info: { ...a.info, category: [] } })],
    ['a severity outside the enumeration', (a) => ({ ...a, info: { ...a.info, severity: 'Huge' as CapAlert['info']['severity'] } })],
  ])('a broken alert fails the schema: %s', async (_name, breakIt) => {
    const broken = breakIt(first);
    expect(capRefusals(broken).length).toBeGreaterThan(0);
    expect((await schemaErrors(capToXml(broken))).length).toBeGreaterThan(0);
  });

  it('an element out of the schema\'s order fails it (the schema is read, not waved through)', async () => {
    const xml = capToXml(first).replace(/(<sender>[^<]*<\/sender>)\s*(<sent>[^<]*<\/sent>)/, '$2$1');
    expect(xml.indexOf('<sent>')).toBeLessThan(xml.indexOf('<sender>'));
    expect((await schemaErrors(xml)).length).toBeGreaterThan(0);
  });
});
