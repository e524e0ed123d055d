import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestApp, type TestApp } from '../support/test-app.ts';
import { DEMO_GRID, gridCentre } from '../support/places.ts';
import { makeJpeg } from '../support/images.ts';

/*
 * Mediation sessions and the 人民调解协议书, the signed paper's photo and follow-up visits, through the API as the
 * mediator (蒋丽萍, 矛盾调解岗 of 春晖路街道) works them; the party resident (周淑芬) reads her own dispute.
 */

let t: TestApp;
let dir: string;
const tokens: Record<string, string> = {};
let grid1: { lng: number; lat: number };
let residentPhone: string;

beforeAll(async () => {
  t = await createTestApp();
  dir = mkdtempSync(path.join(tmpdir(), 'zhizhi-agreement-'));
  for (const u of ['admin', 'leader', 'dispatcher', 'mediator', 'handler', 'community', 'gridworker', 'department', 'resident']) tokens[u] = await t.login(u);
  grid1 = await gridCentre(t.db, DEMO_GRID);
  const sealed = (await t.db.query<{ phone: string }>(`select phone from accounts where username = 'resident'`)).rows[0]!.phone;
  residentPhone = t.app.pii.tryDecrypt(sealed) ?? sealed;
});
afterAll(async () => {
  await t.close();
  rmSync(dir, { recursive: true, force: true });
});

const call = (method: 'GET' | 'POST', url: string, who: string, payload?: object, headers: Record<string, string> = {}) =>
  t.app.inject({ method, url, headers: { ...bearer(tokens[who]!), ...headers }, ...(payload ? { payload } : {}) });

const register = async (over: Record<string, unknown> = {}) => {
  const r = await call('POST', '/api/disputes', 'mediator', {
    classCode: '02', subclassCode: '02-01',
    parties: [
      { role: 'applicant', name: '王秀兰', phone: residentPhone, idNumber: '500103196805120027', address: '春晖路18号2单元301' },
      { role: 'respondent', name: '赵建国', phone: '13987654321', address: '春晖路18号2单元401' },
    ],
    description: '楼上卫生间漏水渗到楼下天花板，双方就维修费用协商未果', location: grid1, address: '春晖路18号', ...over,
  });
  expect(r.statusCode, r.body).toBe(201);
  return r.json() as { id: string; number: string };
};

const session = (over: Record<string, unknown> = {}) => ({
  at: t.clock.now.toISOString(),
  place: '春晖社区人民调解室',
  mediator: { kind: 'peopleMediator', name: '蒋丽萍' },
  attendees: [{ name: '王秀兰', partySeq: 1 }, { name: '赵建国', partySeq: 2 }, { name: '物业经理李明' }],
  statements: [{ partySeq: 1, said: '天花板发霉，要求赔偿维修费' }, { partySeq: 2, said: '同意修防水，但赔偿金额过高' }],
  agreed: '双方同意由被申请人修复防水并承担楼下维修费用。',
  terms: ['赵建国于2026年11月30日前请专业人员修复卫生间防水层', '赵建国向王秀兰支付天花板维修费人民币800元，于签订本协议时一次付清', '双方就此纠纷再无其他争议'],
  outcome: 'resolved',
  ...over,
});

const counts = async () => (await t.db.query<{ m: number; e: number }>(
  `select (select count(*)::int from dispute_mediations) as m, (select count(*)::int from dispute_events) as e`)).rows[0]!;
const audits = async (id: string) => (await t.db.query<{ action: string }>('select action from audit_log where target_id = $1 order by id', [id])).rows.map((x) => x.action);

async function download(id: string, who: string, format: 'pdf' | 'docx', mediationId?: string) {
  return t.app.inject({ method: 'GET', url: `/api/disputes/${id}/agreement?format=${format}${mediationId ? `&mediationId=${mediationId}` : ''}`, headers: bearer(tokens[who]!) });
}

describe('a mediation session that reaches an agreement', () => {
  let d: { id: string; number: string };
  let mediationId: string;

  it('records the session, numbers the 人民调解协议书 and resolves the dispute, once per Idempotency-Key', async () => {
    d = await register();
    const r = await call('POST', `/api/disputes/${d.id}/mediations`, 'mediator', session(), { 'idempotency-key': 'med-1' });
    expect(r.statusCode, r.body).toBe(201);
    const body = r.json();
    expect(body.status).toBe('resolved');
    expect(body.resolvedAt).toBe(session().at.replace(/\.\d+Z$/, '.000Z'));
    expect(body.mediations).toHaveLength(1);
    const m = body.mediations[0];
    mediationId = m.id;
    expect(m).toMatchObject({
      seq: 1, place: '春晖社区人民调解室', outcome: 'resolved', recordedByName: '蒋丽萍',
      mediator: { kind: 'peopleMediator', name: '蒋丽萍', accountId: null },
      agreement: { number: '（2026）春晖调字第1号', signedScanHash: null, signedAt: null },
    });
    expect(m.terms).toHaveLength(3);
    // attendees are people: masked as the parties are
    expect(m.attendees).toEqual([{ name: '王**', partySeq: 1 }, { name: '赵**', partySeq: 2 }, { name: '物*****', partySeq: null }]);
    expect(body.events.map((e: { action: string }) => e.action)).toEqual(['registered', 'mediated']);
    expect(body.events[1].data).toMatchObject({ outcome: 'resolved', agreementNumber: '（2026）春晖调字第1号', statusFrom: 'open', statusTo: 'resolved' });
    expect(body.policies).toContain('followUp');
    expect(await audits(d.id)).toContain('dispute.mediate');

    const before = await counts();
    const again = await call('POST', `/api/disputes/${d.id}/mediations`, 'mediator', session(), { 'idempotency-key': 'med-1' });
    expect(again.statusCode).toBe(200);
    expect(again.json().mediations).toHaveLength(1);
    expect(await counts()).toEqual(before);
  });

  it('keeps attendees\' names sealed in the store and shows them whole on an unmasked read', async () => {
    const raw = (await t.db.query<{ attendees: { name: string }[] }>('select attendees from dispute_mediations where id = $1', [mediationId])).rows[0]!;
    expect(JSON.stringify(raw.attendees)).not.toContain('王秀兰');
    const whole = (await call('GET', `/api/disputes/${d.id}?unmask=true`, 'mediator')).json();
    expect(whole.mediations[0].attendees[0]).toEqual({ name: '王秀兰', partySeq: 1 });
  });

  it('lets the party resident read the session (others masked) but not download the agreement', async () => {
    const r = await call('GET', `/api/disputes/${d.id}`, 'resident');
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().mediations[0].agreement.number).toBe('（2026）春晖调字第1号');
    expect(r.json().mediations[0].attendees[1].name).toBe('赵**');
    const refused = await download(d.id, 'resident', 'pdf');
    expect(refused.statusCode, refused.body).toBe(403);
    // a reader outside every reach learns nothing
    expect((await download(d.id, 'department', 'pdf')).statusCode).toBe(404);
  });

  it('renders the agreement as PDF with the parties whole, the facts, the terms and the legal effect (audited)', async () => {
    const r = await download(d.id, 'mediator', 'pdf');
    expect(r.statusCode, r.body).toBe(200);
    expect(r.headers['content-type']).toBe('application/pdf');
    expect(String(r.headers['content-disposition'])).toContain(encodeURIComponent('人民调解协议书'));
    const file = path.join(dir, 'a.pdf');
    writeFileSync(file, r.rawPayload);
    // AGREEMENT_OUT=/some/file.pdf keeps a copy to look at
    if (process.env.AGREEMENT_OUT) writeFileSync(process.env.AGREEMENT_OUT, r.rawPayload);
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    for (const words of ['人民调解协议书', '（2026）春晖调字第1号', '王秀兰', '赵建国', '500103196805120027', '女', '1968年5月12日出生',
      '楼上卫生间漏水', '修复卫生间防水层', '人民币800元', '第三十一条', '具有法律约束力', '春晖路街道春晖社区人民调解委员会', '蒋丽萍']) {
      expect(text, words).toContain(words);
    }
    expect(await audits(d.id)).toContain('dispute.agreement.download');
  });

  it('renders it as Word too', async () => {
    const r = await download(d.id, 'mediator', 'docx', mediationId);
    expect(r.statusCode).toBe(200);
    const file = path.join(dir, 'a.docx');
    writeFileSync(file, r.rawPayload);
    const xml = execFileSync('unzip', ['-p', file, 'word/document.xml'], { encoding: 'utf8' });
    for (const words of ['人民调解协议书', '王秀兰', '赵建国', '双方就此纠纷再无其他争议']) expect(xml).toContain(words);
  });

  it('attaches the photo of the signed paper and hands its URL to handlers only (audited)', async () => {
    const up = await t.app.inject({ method: 'POST', url: '/api/files', headers: { ...bearer(tokens.mediator!), 'content-type': 'image/jpeg' }, payload: await makeJpeg(800, 1100, '#f4f1e8') });
    expect(up.statusCode).toBe(201);
    const hash = up.json().hash as string;
    const unknown = await call('POST', `/api/disputes/${d.id}/actions/attach-signed`, 'mediator', { mediationId, fileHash: 'f'.repeat(64) });
    expect(unknown.statusCode, unknown.body).toBe(422);
    expect(unknown.json().error.code).toBe('PHOTO_UNKNOWN');
    const r = await call('POST', `/api/disputes/${d.id}/actions/attach-signed`, 'mediator', { mediationId, fileHash: hash }, { 'idempotency-key': 'scan-1' });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().mediations[0].agreement).toMatchObject({ signedScanHash: hash });
    expect(r.json().events.at(-1)).toMatchObject({ action: 'signedAttached' });

    expect((await call('GET', `/api/disputes/${d.id}/signed-scan?mediationId=${mediationId}`, 'resident')).statusCode).toBe(403);
    const scan = await call('GET', `/api/disputes/${d.id}/signed-scan?mediationId=${mediationId}`, 'mediator');
    expect(scan.statusCode, scan.body).toBe(200);
    const photo = await t.app.inject({ method: 'GET', url: scan.json().url });
    expect(photo.statusCode).toBe(200);
    expect(photo.headers['content-type']).toBe('image/jpeg');
    expect(await audits(d.id)).toEqual(expect.arrayContaining(['dispute.attach_signed', 'dispute.signed_scan.read']));
  });

  it('records follow-ups: one that finds the agreement holding, one that finds it broken and suggests reopening', async () => {
    const holds = await call('POST', `/api/disputes/${d.id}/actions/follow-up`, 'mediator', { at: t.clock.now.toISOString(), method: 'phone', holds: true, note: '已付款，防水已修' });
    expect(holds.statusCode, holds.body).toBe(200);
    expect(holds.json().suggestReopen).toBe(false);
    expect(holds.json().followUps).toEqual([expect.objectContaining({ method: 'phone', holds: true, note: '已付款，防水已修', byName: '蒋丽萍' })]);
    t.clock.advance(2 * 3_600_000);
    const broken = await call('POST', `/api/disputes/${d.id}/actions/follow-up`, 'mediator', { at: t.clock.now.toISOString(), method: 'visit', holds: false, note: '又开始漏水' }, { 'idempotency-key': 'fu-2' });
    expect(broken.statusCode, broken.body).toBe(200);
    expect(broken.json().suggestReopen).toBe(true);
    expect(broken.json().followUps).toHaveLength(2);
    const again = await call('POST', `/api/disputes/${d.id}/actions/follow-up`, 'mediator', { at: t.clock.now.toISOString(), method: 'visit', holds: false }, { 'idempotency-key': 'fu-2' });
    expect(again.json().followUps).toHaveLength(2);
    expect(again.json().suggestReopen).toBe(true);
    const future = await call('POST', `/api/disputes/${d.id}/actions/follow-up`, 'mediator', { at: new Date(t.clock.now.getTime() + 86_400_000).toISOString(), method: 'visit', holds: true });
    expect(future.statusCode).toBe(422);
    expect((await call('POST', `/api/disputes/${d.id}/actions/follow-up`, 'resident', { at: t.clock.now.toISOString(), method: 'visit', holds: true })).statusCode).toBe(403);
  });
});

describe('sessions that make no agreement, and refusals', () => {
  it('numbers a partial agreement, none for a failed session or one without terms', async () => {
    const d = await register();
    const partial = await call('POST', `/api/disputes/${d.id}/mediations`, 'mediator', session({ outcome: 'partial', terms: ['先修防水，赔偿另行协商'] }));
    expect(partial.statusCode).toBe(201);
    expect(partial.json().status).toBe('open');
    expect(partial.json().mediations[0].agreement.number).toBe('（2026）春晖调字第2号');
    const failed = await call('POST', `/api/disputes/${d.id}/mediations`, 'gridworker', session({ outcome: 'failed', terms: [], mediator: { kind: 'gridWorker', name: '网格员' } }));
    expect(failed.statusCode, failed.body).toBe(201);
    const m2 = failed.json().mediations[1];
    expect(m2).toMatchObject({ seq: 2, outcome: 'failed', agreement: null });
    expect((await download(d.id, 'mediator', 'pdf', m2.id)).statusCode).toBe(404);
    const attach = await call('POST', `/api/disputes/${d.id}/actions/attach-signed`, 'mediator', { mediationId: m2.id, fileHash: 'f'.repeat(64) });
    expect(attach.json().error.code).toBe('DISPUTE_INVALID');
    const oral = await call('POST', `/api/disputes/${d.id}/mediations`, 'mediator', session({ terms: [] }));
    expect(oral.json().mediations[2].agreement).toBeNull();
    expect(oral.json().status).toBe('resolved');
  });

  it('refuses a session in the future, a party the dispute lacks, an unknown mediator account — nothing written', async () => {
    const d = await register();
    const before = await counts();
    const future = await call('POST', `/api/disputes/${d.id}/mediations`, 'mediator', session({ at: new Date(t.clock.now.getTime() + 86_400_000).toISOString() }));
    expect(future.statusCode).toBe(422);
    expect(future.json().error).toMatchObject({ code: 'DISPUTE_INVALID' });
    const stranger = await call('POST', `/api/disputes/${d.id}/mediations`, 'mediator', session({ statements: [{ partySeq: 3, said: '我是第三人' }] }));
    expect(stranger.statusCode).toBe(422);
    expect(stranger.json().error.details).toEqual({ unknownPartySeqs: [3] });
    const ghost = await call('POST', `/api/disputes/${d.id}/mediations`, 'mediator', session({ mediator: { kind: 'peopleMediator', name: '某人', accountId: 'nobody' } }));
    expect(ghost.statusCode).toBe(422);
    const noBody = await call('POST', `/api/disputes/${d.id}/mediations`, 'mediator', { ...session(), outcome: 'maybe' });
    expect(noBody.statusCode).toBe(400);
    expect(await counts()).toEqual(before);
    // other readers may not record; outside the scope it does not exist
    expect((await call('POST', `/api/disputes/${d.id}/mediations`, 'resident', session())).statusCode).toBe(403);
    expect((await call('POST', `/api/disputes/${d.id}/mediations`, 'leader', session())).statusCode).toBe(403);
    expect((await call('POST', `/api/disputes/no-such/mediations`, 'mediator', session())).statusCode).toBe(404);
  });

  it('records one session of five sent at once with the same Idempotency-Key, and numbers agreements without gaps', async () => {
    const d = await register();
    const sent = await Promise.all(Array.from({ length: 5 }, () => call('POST', `/api/disputes/${d.id}/mediations`, 'mediator', session(), { 'idempotency-key': 'med-burst' })));
    expect(sent.map((r) => r.statusCode).sort()).toEqual([200, 200, 200, 200, 201]);
    const rows = (await t.db.query<{ agreement_number: string }>('select agreement_number from dispute_mediations where dispute_id = $1', [d.id])).rows;
    expect(rows).toHaveLength(1);
    expect(rows[0]!.agreement_number).toBe('（2026）春晖调字第3号');
  });

  it('refuses sessions once the dispute is closed (409), and follow-ups before an agreement', async () => {
    const d = await register();
    const early = await call('POST', `/api/disputes/${d.id}/actions/follow-up`, 'mediator', { at: t.clock.now.toISOString(), method: 'visit', holds: true });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('DISPUTE_STATE_CONFLICT');
    const closed = await call('POST', `/api/disputes/${d.id}/actions/close`, 'mediator', { reason: '当事人撤回申请' });
    expect(closed.statusCode, closed.body).toBe(200);
    const r = await call('POST', `/api/disputes/${d.id}/mediations`, 'mediator', session());
    expect(r.statusCode).toBe(409);
    expect(r.json().error.code).toBe('DISPUTE_STATE_CONFLICT');
  });
});
