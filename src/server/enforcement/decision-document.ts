import type { DocBlock, DocModel } from '../platform/documents/model.ts';
import { chineseDate } from '../platform/documents/model.ts';
import type { EvidenceKind, FactDef, Facts, LegalBasis, PenaltyKind, SubjectKind } from '../../shared/enforcement.ts';

/*
 * 行政处罚决定书: the decision of an enforcement case as a document model (rendered to PDF or Word by
 * platform/documents). Built from the case as decided — the subject whole (the paper is served on them), the facts
 * found and the evidence, the rule broken and the rule that sets the penalty with their text, the benchmark applied
 * and any departure with its reason, the penalty, how and by when to pay, the rights to reconsideration (60 days) and
 * to sue (6 months), the issuing body's seal line and the date. Pure: no I/O, no clock (the decision's date is given).
 */

export interface DecisionInput {
  number: string;
  decidedAt: Date | string;
  openedAt: Date | string;
  /** the names that make the issuing body and the bodies of redress */
  cityName: string;
  districtName: string;
  townName: string;
  subject: {
    kind: SubjectKind;
    name: string;
    idNumber: string | null;
    phone: string | null;
    address: string | null;
    creditCode: string | null;
    legalRepresentative: string | null;
  };
  matter: { name: string; violationBasis: LegalBasis; penaltyBasis: LegalBasis; facts: FactDef[] };
  facts: Facts;
  description: string;
  address: string | null;
  evidence: { kind: EvidenceKind; takenAt: Date | string; text: string | null; note: string | null }[];
  benchmark: { name: string; description: string | null };
  departureReason: string | null;
  penalty: { kind: PenaltyKind; fineYuan: number | null };
  review: { byName: string; at: Date | string; opinion: string } | null;
}

/** 住所 to pay at: the town's collecting bank, or the non-tax e-payment channel */
export const PAYMENT_PLACE = '本机关指定的代收银行网点，或通过非税收入电子缴款渠道';

const EVIDENCE_NAMES: Record<EvidenceKind, string> = { photo: '现场照片', video: '视听资料', statement: '询问笔录', document: '书证' };

/** The body that issues the decision: a 街道 acts as its 办事处, a 镇 or 乡 as its 人民政府. */
export function issuingBody(townName: string): string {
  return townName.endsWith('街道') ? `${townName}办事处` : `${townName}人民政府`;
}

const DIGITS = '零壹贰叁肆伍陆柒捌玖';
const SMALL_UNITS = ['', '拾', '佰', '仟'];
const GROUP_UNITS = ['', '万', '亿'];

/** A yuan amount in capitals as receipts and decisions write it: 1050 → 壹仟零伍拾元整, 12.5 → 壹拾贰元伍角. */
export function yuanInCapitals(amount: number): string {
  const fen = Math.round(amount * 100);
  const whole = Math.floor(fen / 100);
  const jiao = Math.floor(fen / 10) % 10;
  const cents = fen % 10;
  let out = '';
  const groups: number[] = [];
  for (let n = whole; n > 0; n = Math.floor(n / 10_000)) groups.push(n % 10_000);
  let zeroPending = false;
  for (let g = groups.length - 1; g >= 0; g--) {
    const group = groups[g]!;
    if (group === 0) { zeroPending = out !== ''; continue; }
    if (out !== '' && (zeroPending || group < 1000)) out += '零';
    zeroPending = false;
    let part = '';
    let zero = false;
    for (let i = 3; i >= 0; i--) {
      const d = Math.floor(group / 10 ** i) % 10;
      if (d === 0) { zero = part !== ''; continue; }
      if (zero) part += '零';
      zero = false;
      part += DIGITS[d]! + SMALL_UNITS[i]!;
    }
    out += part + GROUP_UNITS[g]!;
  }
  if (out === '') out = '零';
  out += '元';
  if (jiao === 0 && cents === 0) return `${out}整`;
  if (jiao > 0) out += `${DIGITS[jiao]}角`;
  else if (whole > 0) out += '零';
  if (cents > 0) out += `${DIGITS[cents]}分`;
  return out;
}

/** a fact as read in the document: 是/否, 6平方米, the option's label */
export function factDisplay(def: FactDef, value: Facts[string] | undefined): string {
  if (value === undefined || value === null) return '未记录';
  switch (def.kind) {
    case 'boolean': return value === true ? '是' : '否';
    case 'number': return `${value}${def.unit}`;
    case 'choice': return def.options.find((o) => o.value === value)?.label ?? String(value);
    default: { const never: never = def; return String(never); }
  }
}

const fmtYuan = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(2));

/** The penalty as the decision states it. */
export function penaltyText(p: DecisionInput['penalty']): string {
  switch (p.kind) {
    case 'fine': return `罚款人民币${fmtYuan(p.fineYuan ?? 0)}元（大写：${yuanInCapitals(p.fineYuan ?? 0)}）`;
    case 'warning': return '警告';
    case 'confiscation': return '没收违法所得、非法财物';
    case 'none': return '不予行政处罚';
    default: { const never: never = p.kind; return String(never); }
  }
}

const quoted = (b: LegalBasis) => `《${b.law.replace(/^《|》$/g, '')}》${b.article}`;

export function decisionDocument(d: DecisionInput): DocModel {
  const organ = issuingBody(d.townName);
  const s = d.subject;
  const subjectFields: [string, string][] = s.kind === 'person'
    ? [['当事人', s.name], ['身份证件号码', s.idNumber ?? '—'], ['联系电话', s.phone ?? '—'], ['住址', s.address ?? '—']]
    : [['当事人', s.name], ['统一社会信用代码', s.creditCode ?? '—'], ['法定代表人（负责人）', s.legalRepresentative ?? '—'],
      ['联系电话', s.phone ?? '—'], ['住所', s.address ?? '—']];
  const place = d.address ? `在${d.address}` : '';
  const blocks: DocBlock[] = [
    { kind: 'fields', pairs: subjectFields },
    {
      kind: 'paragraph', indent: true,
      text: `当事人${s.name}${place}涉嫌${d.matter.name}一案，本机关于${chineseDate(d.openedAt)}立案调查，现已调查终结${d.review ? '，并经法制审核' : ''}。`,
    },
    { kind: 'heading', text: '一、违法事实' },
    { kind: 'paragraph', indent: true, text: `经查，${d.description.trim().replace(/[。.]?$/, '。')}` },
    { kind: 'fields', pairs: d.matter.facts.map((f) => [f.label, factDisplay(f, d.facts[f.key])] as [string, string]) },
    { kind: 'heading', text: '二、证据' },
    d.evidence.length > 0
      ? {
        kind: 'table', columns: ['序号', '证据种类', '证明内容', '取得时间'],
        rows: d.evidence.map((e, i) => [String(i + 1), EVIDENCE_NAMES[e.kind], (e.text ?? e.note ?? EVIDENCE_NAMES[e.kind]).slice(0, 200), chineseDate(e.takenAt)]),
      }
      : { kind: 'paragraph', indent: true, text: '现场检查记录。' },
    { kind: 'paragraph', indent: true, text: '以上证据足以认定上述违法事实。' },
    { kind: 'heading', text: '三、处罚依据及裁量' },
    {
      kind: 'paragraph', indent: true,
      text: `当事人的上述行为违反了${quoted(d.matter.violationBasis)}的规定：“${d.matter.violationBasis.text.trim()}”`,
    },
    {
      kind: 'paragraph', indent: true,
      text: `依据${quoted(d.matter.penaltyBasis)}的规定：“${d.matter.penaltyBasis.text.trim()}”参照本事项行政处罚裁量基准，本案适用「${d.benchmark.name}」情形${d.benchmark.description ? `（${d.benchmark.description.trim().replace(/[。.]$/, '')}）` : ''}。`,
    },
  ];
  if (d.departureReason) {
    blocks.push({ kind: 'paragraph', indent: true, text: `本案处罚未按系统建议的裁量档次或幅度作出，理由如下：${d.departureReason.trim().replace(/[。.]?$/, '。')}` });
  }
  blocks.push(
    { kind: 'heading', text: '四、处罚决定' },
    { kind: 'paragraph', indent: true, text: `本机关决定对当事人作出如下处理：${penaltyText(d.penalty)}。` },
  );
  if (d.penalty.kind === 'fine') {
    blocks.push(
      { kind: 'heading', text: '五、履行方式和期限' },
      {
        kind: 'paragraph', indent: true,
        text: `当事人应当自收到本决定书之日起十五日内，持本决定书到${PAYMENT_PLACE}缴纳罚款。到期不缴纳罚款的，本机关可以每日按罚款数额的百分之三加处罚款，加处罚款的数额不超出罚款的数额（《中华人民共和国行政处罚法》第七十二条）。`,
      },
    );
  } else if (d.penalty.kind !== 'none') {
    blocks.push({ kind: 'heading', text: '五、履行方式和期限' }, { kind: 'paragraph', indent: true, text: '本决定自送达之日起执行。' });
  }
  blocks.push(
    { kind: 'heading', text: `${d.penalty.kind === 'none' ? '五' : '六'}、救济途径` },
    {
      kind: 'paragraph', indent: true,
      text: `当事人如不服本决定，可以在收到本决定书之日起六十日内向${d.districtName}人民政府申请行政复议，或者在六个月内依法向${d.districtName}人民法院提起行政诉讼。行政复议和行政诉讼期间，本决定不停止执行，法律另有规定的除外。当事人逾期不申请行政复议、不提起行政诉讼，又不履行本决定的，本机关将依法申请人民法院强制执行。`,
    },
    { kind: 'seal', unit: organ, date: chineseDate(d.decidedAt) },
  );
  return {
    issuer: `${d.cityName}${d.districtName}${organ}`,
    title: '行政处罚决定书',
    number: d.number,
    blocks,
    footer: '本决定书一式两份，一份送达当事人，一份由本机关存档。',
    createdAt: new Date(d.decidedAt),
  };
}
