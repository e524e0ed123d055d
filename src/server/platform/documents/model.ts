/*
 * A small document model for the official papers the platform hands out to be printed and signed (人民调解协议书,
 * 行政处罚决定书 …): a title, a number, blocks in reading order and a footer. A capability builds the model from its
 * data; renderDocx and renderPdf lay it out the same way (A4, the title centred and bold, the number centred under it).
 */

export type DocBlock =
  /** a section heading (一、当事人基本情况) */
  | { kind: 'heading'; text: string }
  /** running text; `indent`: the first line indented two characters, as official documents are set */
  | { kind: 'paragraph'; text: string; indent?: boolean }
  /** label：value pairs (申请人：张三) */
  | { kind: 'fields'; pairs: [label: string, value: string][] }
  | { kind: 'table'; columns: string[]; rows: string[][] }
  /** items numbered 1. 2. 3. (the agreement's terms) */
  | { kind: 'numbered'; items: string[] }
  /** a signature line each: 申请人（签名）：________  2026年12月3日 */
  | { kind: 'signatures'; lines: { label: string; name?: string; date?: string }[] }
  /** the issuer's seal and date (落款), set on the right: 春晖路街道人民调解委员会（印章） / 2026年12月3日 */
  | { kind: 'seal'; unit: string; date?: string };

export interface DocModel {
  title: string;
  /** 文号: （2026）春调字第7号 */
  number?: string;
  /** a line above the title (the issuing body: 重庆市××区春晖路街道人民调解委员会) */
  issuer?: string;
  blocks: DocBlock[];
  /** a small line at the foot of every page (本协议书一式三份 …) */
  footer?: string;
  /** when the file is made (the PDF's creation date); the renderers read no clock */
  createdAt?: Date;
}

export type DocumentFormat = 'pdf' | 'docx';
export const DOCUMENT_FORMATS = ['pdf', 'docx'] as const satisfies readonly DocumentFormat[];

export const DOCUMENT_TYPES: Record<DocumentFormat, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

/** The Beijing date of an instant as documents write it: 2026年12月3日. */
export function chineseDate(at: Date | string): string {
  const d = new Date(new Date(at).getTime() + 8 * 3_600_000);
  return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日`;
}

/** The blank a person fills in by hand: ____年__月__日 */
export const BLANK_DATE = '      年    月    日';

/**
 * The share of the line each column of a table takes: a column as wide as its longest cell (up to half the line), the
 * room left given out in proportion, so a 序号 column stays narrow and a 证明内容 column takes the rest. `measure` gives
 * a text's width in any unit.
 */
export function columnShares(columns: readonly string[], rows: readonly (readonly string[])[], measure: (text: string) => number, lineWidth: number): number[] {
  const n = columns.length;
  if (n === 0) return [];
  const longest = (i: number) => Math.max(measure(columns[i] ?? ''), ...rows.map((r) => Math.max(...(r[i] ?? '').split('\n').map(measure))));
  const natural = columns.map((_, i) => Math.min(Math.max(longest(i), lineWidth * 0.06), lineWidth * 0.5));
  const total = natural.reduce((a, b) => a + b, 0);
  if (total <= lineWidth) return natural.map((w) => w / total);
  // too wide: the columns narrower than an even share keep their width, the others share what is left by their width
  const fair = lineWidth / n;
  const narrow = natural.map((w) => w <= fair);
  const kept = natural.reduce((a, w, i) => a + (narrow[i] ? w : 0), 0);
  const wideTotal = natural.reduce((a, w, i) => a + (narrow[i] ? 0 : w), 0);
  return natural.map((w, i) => (narrow[i] ? w : (w / wideTotal) * (lineWidth - kept)) / lineWidth);
}

/** A rough width of text in characters of the body face (a Chinese character 1, a Latin letter or digit about half). */
export const charWidth = (text: string): number => [...text].reduce((a, c) => a + (c.charCodeAt(0) < 0x2e80 ? 0.55 : 1), 0);
