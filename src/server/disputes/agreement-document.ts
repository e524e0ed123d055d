import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Tx } from '../platform/db/db.ts';
import type { Principal } from '../platform/auth.ts';
import { forbidden, notFound } from '../platform/errors.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { BLANK_DATE, chineseDate, sendDocument, type DocModel } from '../platform/documents/index.ts';
import type { MediatorKind, PartyRole } from '../../shared/disputes.ts';
import * as disputes from './store.ts';
import * as store from './mediation-store.ts';
import { handles } from './scope.ts';
import { presentParty } from './parties.ts';

/*
 * 人民调解协议书: the document a mediation session with an agreement makes, for the parties to sign. Built as the small
 * document model of src/server/platform/documents (rendered to Word or PDF there). The parties appear whole: the paper
 * is theirs, and the download is audited.
 */

export interface AgreementParty {
  seq: number;
  role: PartyRole;
  name: string;
  idNumber: string | null;
  phone: string | null;
  address: string | null;
}

export interface AgreementInput {
  number: string;
  /** e.g. 春晖路街道长江社区人民调解委员会 */
  committeeName: string;
  parties: readonly AgreementParty[];
  /** the dispute's facts as registered */
  description: string;
  /** what each side said at the session, by party seq */
  statements: readonly { partySeq: number; said: string }[];
  agreed: string | null;
  terms: readonly string[];
  mediatorName: string;
  mediatorKind: MediatorKind;
  place: string;
  /** the session's time */
  at: Date;
  className: string;
}

const ROLE_ZH: Record<PartyRole, string> = { applicant: '申请人', respondent: '被申请人', thirdParty: '第三人' };
const MEDIATOR_ZH: Record<MediatorKind, string> = { gridWorker: '网格员', villageSage: '乡贤', peopleMediator: '人民调解员', judicialStaff: '司法所工作人员' };
const DIGITS = '零一二三四五六七八九';

/** 3 → 三, 12 → 十二, 21 → 二十一 (the copies of a paper: at most a few dozen). */
export function chineseCount(n: number): string {
  if (n < 10) return DIGITS[n]!;
  if (n < 20) return `十${n % 10 === 0 ? '' : DIGITS[n % 10]}`;
  if (n < 100) return `${DIGITS[Math.floor(n / 10)]}十${n % 10 === 0 ? '' : DIGITS[n % 10]}`;
  return String(n);
}

/** 男/女 and the birth date an 18-character ID number carries, or null. */
function fromIdNumber(id: string | null): { sex: string; born: string } | null {
  if (id === null || !/^\d{17}[\dXx]$/.test(id)) return null;
  const sex = Number(id[16]) % 2 === 1 ? '男' : '女';
  return { sex, born: `${id.slice(6, 10)}年${Number(id.slice(10, 12))}月${Number(id.slice(12, 14))}日出生` };
}

function partyLine(x: AgreementParty): string {
  const born = fromIdNumber(x.idNumber);
  const parts = [x.name];
  if (born) parts.push(born.sex, born.born);
  if (x.idNumber) parts.push(`公民身份号码${x.idNumber}`);
  if (x.phone) parts.push(`联系电话${x.phone}`);
  if (x.address) parts.push(`住${x.address}`);
  return parts.join('，') + '。';
}

/** The 协议书 as a document model: number, parties, facts, the terms numbered, performance and legal effect, signatures. */
export function agreementDocument(a: AgreementInput): DocModel {
  const ordered = [...a.parties].sort((x, y) => ['applicant', 'respondent', 'thirdParty'].indexOf(x.role) - ['applicant', 'respondent', 'thirdParty'].indexOf(y.role) || x.seq - y.seq);
  const bySeq = new Map(a.parties.map((x) => [x.seq, x]));
  const date = chineseDate(a.at);
  const statements = a.statements
    .filter((s) => bySeq.has(s.partySeq))
    .map((s) => `${ROLE_ZH[bySeq.get(s.partySeq)!.role]}${bySeq.get(s.partySeq)!.name}称：${s.said}`);
  return {
    title: '人民调解协议书',
    issuer: a.committeeName,
    number: a.number,
    blocks: [
      { kind: 'heading', text: '当事人' },
      ...ordered.map((x) => ({ kind: 'paragraph' as const, text: `${ROLE_ZH[x.role]}：${partyLine(x)}` })),
      { kind: 'heading', text: '纠纷主要事实、争议事项' },
      { kind: 'paragraph', text: `纠纷类别：${a.className}。${a.description}`, indent: true },
      ...statements.map((t) => ({ kind: 'paragraph' as const, text: t, indent: true })),
      { kind: 'paragraph', text: `${date}，${a.committeeName}在${a.place}依法主持调解，${MEDIATOR_ZH[a.mediatorKind]}${a.mediatorName}参加调解。`, indent: true },
      ...(a.agreed ? [{ kind: 'paragraph' as const, text: a.agreed, indent: true }] : []),
      { kind: 'heading', text: '经调解，当事人自愿达成如下协议' },
      { kind: 'numbered', items: [...a.terms] },
      { kind: 'heading', text: '履行方式、时限及协议效力' },
      { kind: 'paragraph', text: '各方当事人应当按照本协议约定的方式和期限全面履行各自的义务。人民调解委员会对本协议的履行情况进行回访和监督，督促当事人履行约定的义务。', indent: true },
      { kind: 'paragraph', text: '根据《中华人民共和国人民调解法》第三十一条，经人民调解委员会调解达成的调解协议，具有法律约束力，当事人应当按照约定履行。当事人认为有必要的，可以自本协议生效之日起三十日内共同向人民法院申请司法确认（第三十三条）；当事人之间就调解协议的履行或者内容发生争议的，一方当事人可以向人民法院提起诉讼。', indent: true },
      { kind: 'paragraph', text: `本协议自各方当事人签名（盖章或按指印）、人民调解员签名并加盖人民调解委员会印章之日起生效。本协议书一式${chineseCount(ordered.length + 1)}份，各方当事人、人民调解委员会各执一份。`, indent: true },
      {
        kind: 'signatures',
        lines: [
          ...ordered.map((x) => ({ label: `当事人（${ROLE_ZH[x.role]}）签名（按指印）`, name: x.name, date: BLANK_DATE })),
          { label: '人民调解员签名', name: a.mediatorName, date: BLANK_DATE },
        ],
      },
      { kind: 'seal', unit: `${a.committeeName}（印章）`, date },
    ],
    footer: `${a.number}　${a.committeeName}`,
  };
}

/** The 人民调解委员会 that mediates at the dispute's handling unit: a grid's community, a community, or the town. */
async function committeeOf(tx: Tx, handlingUnitId: string, townId: string): Promise<string> {
  const r = await tx.query<{ level: string; name: string; parent_level: string | null; parent_name: string | null }>(
    `select u.level, u.name, p.level as parent_level, p.name as parent_name from org_units u left join org_units p on p.id = u.parent_id
      where u.id = $1`, [handlingUnitId]);
  const t = await tx.query<{ name: string }>('select name from org_units where id = $1', [townId]);
  const town = t.rows[0]?.name ?? '';
  const u = r.rows[0];
  if (!u) return `${town}人民调解委员会`;
  if (u.level === 'town') return `${u.name}人民调解委员会`;
  const community = u.level === 'community' ? u.name : u.parent_level === 'community' ? u.parent_name : null;
  return `${town}${community ?? ''}人民调解委员会`;
}

/**
 * GET /api/disputes/:id/agreement: the 协议书 of a session (or the latest session with one) as Word or PDF, for
 * DISPUTE_HANDLERS of the dispute's scope (other readers 403; outside every reach 404). The audit row of the download
 * (dispute.agreement.download) is written before the bytes go out.
 */
export async function downloadAgreement(
  app: FastifyInstance, reply: FastifyReply, p: Principal, disputeId: string, q: { mediationId?: string; format?: 'pdf' | 'docx' }, ip: string | null,
): Promise<FastifyReply> {
  const now = app.clock();
  const format = q.format ?? 'pdf';
  const doc = await app.db.transaction(async (tx) => {
    const d = await disputes.findDisputeToRead(tx, disputeId, await disputes.readerOf(tx, app.pii, p));
    if (!d) throw notFound('dispute');
    if (!handles(p, d.org_path)) throw forbidden();
    const m = q.mediationId ? await store.findMediation(tx, d.id, q.mediationId) : await store.latestAgreement(tx, d.id);
    if (!m || m.agreement_number === null) throw notFound('agreement');
    const parties = (await disputes.listParties(tx, [d.id])).map((x) => presentParty(x, app.pii, { whole: true, self: false }));
    await appendAudit(tx, {
      at: now, actorId: p.accountId, actorName: p.name, ip, action: 'dispute.agreement.download', targetType: 'dispute', targetId: d.id, success: true,
      detail: { number: d.number, mediationId: m.id, agreementNumber: m.agreement_number, format },
    });
    return agreementDocument({
      number: m.agreement_number, committeeName: await committeeOf(tx, d.handling_unit_id, d.town_id),
      parties: parties.map((x) => ({ seq: x.seq, role: x.role, name: x.name, idNumber: x.idNumber, phone: x.phone, address: x.address })),
      description: d.description, statements: m.statements, agreed: m.agreed, terms: m.terms, mediatorName: m.mediator.name, mediatorKind: m.mediator.kind,
      place: m.place, at: new Date(m.at), className: d.class_name,
    });
  });
  return sendDocument(reply, doc, format, `人民调解协议书${doc.number ?? ''}`, 'agreement');
}
