import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestApp, type TestApp } from '../support/test-app.ts';
import { DEMO_GRID, gridCentre } from '../support/places.ts';
import { decisionDocument, yuanInCapitals, issuingBody } from '../../src/server/enforcement/decision-document.ts';

// 行政处罚决定书: only once decided, the subject whole (audited), the facts, evidence, both legal bases with their
// text, the benchmark and the departure reason, the penalty, payment in 15 days, reconsideration in 60 days, a suit in
// 6 months, the issuing body's seal line and the date — as PDF and as Word.

let t: TestApp;
let enforcer: string;
let leader: string;
let dispatcher: string;
let ruralHandler: string;
let here: { lng: number; lat: number };
const dir = mkdtempSync(path.join(tmpdir(), 'h5-decision-'));

const as = (token: string, method: 'GET' | 'POST', url: string, payload?: unknown, key?: string) =>
  t.app.inject({ method, url, payload: payload as object, headers: { ...bearer(token), ...(key ? { 'idempotency-key': key } : {}) } });

function pdfText(body: Buffer): string {
  const file = path.join(dir, `d${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(file, body);
  return execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
}
function docxText(body: Buffer): string {
  const file = path.join(dir, `d${Math.random().toString(36).slice(2)}.docx`);
  writeFileSync(file, body);
  return execFileSync('unzip', ['-p', file, 'word/document.xml'], { encoding: 'utf8' }).replace(/<[^>]+>/g, '');
}

async function act(token: string, id: string, action: string, body: unknown) {
  const r = await as(token, 'POST', `/api/enforcement/cases/${id}/actions/${action}`, body, `${action}-${id}`);
  expect(r.statusCode, r.body).toBe(200);
  return r.json();
}

beforeAll(async () => {
  t = await createTestApp();
  [enforcer, leader, dispatcher, ruralHandler] = await Promise.all([t.login('enforcer'), t.login('leader'), t.login('dispatcher'), t.login('town2-leader1')]);
  here = await gridCentre(t.db, DEMO_GRID);
});
afterAll(async () => {
  await t.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the decision document (行政处罚决定书)', () => {
  it('is refused before the decision, then carries the whole decision, audited', async () => {
    const opened = await as(enforcer, 'POST', '/api/enforcement/cases', {
      matterCode: 'ZF-SR-001', description: '当事人在春晖路18号门店外摆放货架经营，占用人行道', location: here, address: '春晖路18号',
      facts: { areaSqm: 6, firstOffence: false, correctedAtOnce: false, blocksPassage: true },
      subject: { kind: 'person', name: '王小明', idNumber: '500103198501011234', phone: '13812345678', address: '春晖路18号' },
    }, 'open-1');
    expect(opened.statusCode, opened.body).toBe(201);
    const id = opened.json().id as string;
    expect((await as(enforcer, 'GET', `/api/enforcement/cases/${id}/decision`)).statusCode).toBe(409);

    await act(enforcer, id, 'add-evidence', { kind: 'statement', text: '当事人承认在门店外摆放货架经营约两小时' });
    t.clock.advance(4 * 60_000);
    // a fine below the proposed band (从重 200–500): a departure with its reason
    await act(enforcer, id, 'confirm-band', { benchmarkKey: 'heavy', penalty: { kind: 'fine', fineYuan: 150 }, departureReason: '当事人系低保户，经济困难，且已主动清理' });
    expect((await as(enforcer, 'GET', `/api/enforcement/cases/${id}/decision`)).json().error.code).toBe('ENFORCEMENT_STATE_CONFLICT');
    t.clock.advance(3 * 60_000);
    await act(leader, id, 'review', { approved: true, opinion: '事实清楚，证据确凿，偏离理由充分，同意' });
    t.clock.advance(2 * 60_000);
    const decided = await act(enforcer, id, 'decide', {});
    const number = decided.decision.number as string;
    expect(number).toMatch(/^春晖综执罚决字〔2026〕第1号$|^春晖.*第1号$/);

    // who may take it: the officer and the reviewer; a dispatcher no; another town's officer does not find it
    expect((await as(dispatcher, 'GET', `/api/enforcement/cases/${id}/decision`)).statusCode).toBe(403);
    expect((await as(ruralHandler, 'GET', `/api/enforcement/cases/${id}/decision`)).statusCode).toBe(404);

    const pdf = await as(enforcer, 'GET', `/api/enforcement/cases/${id}/decision`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('行政处罚决定书')}`);
    if (process.env.H5_KEEP_PDF) writeFileSync(process.env.H5_KEEP_PDF, pdf.rawPayload);
    const text = pdfText(pdf.rawPayload);
    for (const words of [
      '行政处罚决定书', number, '王小明', '500103198501011234', '13812345678', '春晖路街道办事处',
      '《重庆市市容环境卫生管理条例》第十八条', '占道面积', '6平方米', '询问笔录', '从重', '当事人系低保户', '罚款人民币150元', '壹佰伍拾元整',
      '十五日内', '六十日内', '示范区人民政府申请行政复议', '六个月内', '示范区人民法院', '2026年11月23日',
    ]) expect(text, words).toContain(words);

    const docx = await as(leader, 'GET', `/api/enforcement/cases/${id}/decision?format=docx`);
    expect(docx.statusCode).toBe(200);
    expect(docx.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    const xml = docxText(docx.rawPayload);
    for (const words of ['行政处罚决定书', number, '王小明', '500103198501011234', '罚款人民币150元', '行政诉讼']) expect(xml, words).toContain(words);

    const audit = await t.db.query<{ action: string; actor_name: string }>(
      `select action, actor_name from audit_log where target_id = $1 and action = 'enforcement.decision.download' order by id`, [id]);
    expect(audit.rows).toEqual([{ action: 'enforcement.decision.download', actor_name: '邓志强' }, { action: 'enforcement.decision.download', actor_name: '陈志明' }]);
  });
});

describe('the document model', () => {
  it('writes amounts in capitals as receipts do', () => {
    expect([0, 50, 150, 200, 1050, 10_000, 30_000, 100_500, 1_000_001, 12.5, 0.05, 20_000.3].map(yuanInCapitals)).toEqual([
      '零元整', '伍拾元整', '壹佰伍拾元整', '贰佰元整', '壹仟零伍拾元整', '壹万元整', '叁万元整', '壹拾万零伍佰元整', '壹佰万零壹元整',
      '壹拾贰元伍角', '零元伍分', '贰万元叁角',
    ]);
  });

  it('names the issuing body of a 街道 and of a 镇', () => {
    expect(issuingBody('春晖路街道')).toBe('春晖路街道办事处');
    expect(issuingBody('青杠镇')).toBe('青杠镇人民政府');
  });

  it('states a warning without payment terms, and no departure paragraph when none', () => {
    const doc = decisionDocument({
      number: '青杠综执罚决字〔2026〕第3号', decidedAt: '2026-11-23T02:00:00Z', openedAt: '2026-11-23T01:50:00Z',
      cityName: '重庆市', districtName: '示范区', townName: '青杠镇',
      subject: { kind: 'firm', name: '青杠镇某餐馆', idNumber: null, phone: null, address: '青杠镇正街1号', creditCode: '91500000MA5U7ABC1X', legalRepresentative: '李四' },
      matter: {
        name: '餐饮服务业超标排放油烟',
        violationBasis: { law: '中华人民共和国大气污染防治法', article: '第八十一条第一款', text: '排放油烟的餐饮服务业经营者应当安装油烟净化设施并保持正常使用。' },
        penaltyBasis: { law: '中华人民共和国大气污染防治法', article: '第一百一十八条第一款', text: '……责令改正，处五千元以上五万元以下的罚款。' },
        facts: [{ key: 'first', label: '首次', kind: 'boolean' }],
      },
      facts: { first: true }, description: '油烟净化设施未开启', address: null, evidence: [],
      benchmark: { name: '从轻', description: null }, departureReason: null, penalty: { kind: 'warning', fineYuan: null }, review: null,
    });
    const text = JSON.stringify(doc);
    expect(doc.issuer).toBe('重庆市示范区青杠镇人民政府');
    expect(text).toContain('警告');
    expect(text).toContain('本决定自送达之日起执行');
    expect(text).not.toContain('十五日内');
    expect(text).not.toContain('理由如下');
    expect(text).toContain('91500000MA5U7ABC1X');
    expect(doc.blocks.at(-1)).toEqual({ kind: 'seal', unit: '青杠镇人民政府', date: '2026年11月23日' });
  });
});
