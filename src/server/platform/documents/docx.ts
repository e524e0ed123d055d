import {
  AlignmentType, BorderStyle, Document, Footer, Packer, PageNumber, Paragraph, Table, TableCell, TableRow, TextRun, WidthType,
  type IParagraphOptions,
} from 'docx';
import { BLANK_DATE, charWidth, columnShares, type DocBlock, type DocModel } from './model.ts';

/*
 * A DocModel as a Word file (.docx) that opens in WPS and Word: A4 with the margins of official documents (GB/T 9704:
 * 37 mm top, 28 mm left), the title in 宋体 bold 二号 centred, the body in 仿宋 四号, tables in 小四, page numbers at the foot.
 */

const BODY = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '仿宋', cs: 'Times New Roman' };
const TITLE = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '宋体', cs: 'Times New Roman' };
const HEADING = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '黑体', cs: 'Times New Roman' };
/** half-points: 二号 22 pt, 三号 16 pt, 四号 14 pt, 小四 12 pt, 五号 10.5 pt */
const SIZE = { title: 44, number: 28, heading: 28, body: 28, table: 24, footer: 21 };
/** two characters of 四号 in twips */
const INDENT = 560;
const mm = (v: number) => Math.round((v / 25.4) * 1440);

const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const THIN = { style: BorderStyle.SINGLE, size: 4, color: '000000' };

const run = (text: string, opts: { bold?: boolean; size?: number; font?: typeof BODY } = {}) =>
  new TextRun({ text, bold: opts.bold, size: opts.size ?? SIZE.body, font: opts.font ?? BODY });

const para = (children: TextRun[], opts: Omit<IParagraphOptions, 'children'> = {}) =>
  new Paragraph({ spacing: { line: 440, after: 60 }, ...opts, children });

function cell(text: string, widthPct: number, opts: { bold?: boolean; borders?: boolean; size?: number } = {}) {
  const border = opts.borders === false ? NONE : THIN;
  return new TableCell({
    width: { size: widthPct, type: WidthType.PERCENTAGE },
    borders: { top: border, bottom: border, left: border, right: border },
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
    children: text.split('\n').map((line) => new Paragraph({ children: [run(line, { bold: opts.bold, size: opts.size ?? SIZE.table })] })),
  });
}

function blockToDocx(b: DocBlock): (Paragraph | Table)[] {
  switch (b.kind) {
    case 'heading':
      return [para([run(b.text, { font: HEADING, size: SIZE.heading })], { spacing: { before: 200, after: 80, line: 440 }, keepNext: true })];
    case 'paragraph':
      return b.text.split('\n').map((line) => para([run(line)], b.indent ? { indent: { firstLine: INDENT } } : {}));
    case 'fields': {
      if (b.pairs.length === 0) return [];
      // the label column as wide as the longest label (a line of 四号 holds about 31 characters), at most a third
      const labelPct = Math.round(Math.min(100 / 3, ((Math.max(...b.pairs.map(([l]) => charWidth(l))) + 1.5) / 31) * 100));
      const rows = b.pairs.map(([label, value]) => new TableRow({
        cantSplit: true,
        children: [cell(`${label}：`, labelPct, { borders: false, size: SIZE.body }), cell(value || '—', 100 - labelPct, { borders: false, size: SIZE.body })],
      }));
      return [new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows, borders: { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE } })];
    }
    case 'table': {
      const w = columnShares(b.columns, b.rows, (t) => charWidth(t) + 1, 34).map((f) => Math.round(f * 1000) / 10);
      const header = new TableRow({ tableHeader: true, cantSplit: true, children: b.columns.map((c, i) => cell(c, w[i]!, { bold: true })) });
      const rows = b.rows.map((r) => new TableRow({ cantSplit: true, children: b.columns.map((_, i) => cell(r[i] ?? '', w[i]!)) }));
      return [new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: [header, ...rows] }), para([run('')], { spacing: { after: 0 } })];
    }
    case 'numbered':
      return b.items.map((item, i) => para([run(`${i + 1}. ${item}`)], { indent: { firstLine: INDENT } }));
    case 'signatures':
      return b.lines.map((l) => para(
        [run(`${l.label}：`), ...(l.name ? [run(`${l.name}  `)] : []), new TextRun({ text: ' '.repeat(l.name ? 14 : 24), underline: {}, size: SIZE.body, font: BODY }), run(`        ${l.date ?? BLANK_DATE}`)],
        { spacing: { before: 240, after: 120, line: 440 }, keepLines: true },
      ));
    case 'seal':
      return [
        para([run(b.unit)], { alignment: AlignmentType.RIGHT, spacing: { before: 480, line: 440 } }),
        para([run(b.date ?? BLANK_DATE)], { alignment: AlignmentType.RIGHT }),
      ];
    default: {
      const never: never = b;
      throw new Error(`unknown block ${JSON.stringify(never)}`);
    }
  }
}

export async function renderDocx(doc: DocModel): Promise<Buffer> {
  const head: Paragraph[] = [];
  if (doc.issuer) head.push(para([run(doc.issuer, { font: TITLE, size: SIZE.number })], { alignment: AlignmentType.CENTER }));
  head.push(para([run(doc.title, { bold: true, font: TITLE, size: SIZE.title })], { alignment: AlignmentType.CENTER, spacing: { before: 120, after: 120, line: 600 } }));
  if (doc.number) head.push(para([run(doc.number, { size: SIZE.number })], { alignment: AlignmentType.CENTER, spacing: { after: 240, line: 440 } }));
  const footerRuns = [
    ...(doc.footer ? [run(`${doc.footer}    `, { size: SIZE.footer })] : []),
    new TextRun({ children: ['第 ', PageNumber.CURRENT, ' 页 共 ', PageNumber.TOTAL_PAGES, ' 页'], size: SIZE.footer, font: BODY }),
  ];
  const document = new Document({
    title: doc.title,
    creator: doc.issuer ?? '智治',
    styles: { default: { document: { run: { font: BODY, size: SIZE.body } } } },
    sections: [{
      properties: {
        page: {
          size: { width: 11906, height: 16838 },
          margin: { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26), footer: mm(20) },
        },
      },
      footers: { default: new Footer({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: footerRuns })] }) },
      children: [...head, ...doc.blocks.flatMap(blockToDocx)],
    }],
  });
  return Packer.toBuffer(document);
}
