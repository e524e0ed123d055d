import { readFile } from 'node:fs/promises';
import PDFDocument from 'pdfkit';
import { BLANK_DATE, columnShares, type DocBlock, type DocModel } from './model.ts';

/*
 * A DocModel as an A4 PDF in Chinese (Noto Sans SC from @embedpdf/fonts-sc, embedded as a subset): the same layout as
 * the Word file — title centred and bold, the number under it, headings, indented paragraphs, label：value pairs,
 * ruled tables whose header repeats on a new page, numbered items, signature lines, the seal line on the right, and
 * the footer with page numbers on every page.
 */

const fontFile = (weight: 'Regular' | 'Bold') => new URL(`../fonts/NotoSansHans-${weight}.otf`, import.meta.resolve('@embedpdf/fonts-sc'));

/** What pdfkit's registerFont takes: the file's bytes, or (faster) the font pdfkit already parsed from them. */
export type FontFace = Buffer;
let fonts: Promise<{ regular: FontFace; bold: FontFace }> | null = null;

/**
 * The font pdfkit parsed from the bytes, to register in later documents as it is: parsing the 8 MB face again for
 * every document costs about three times the rest of a one-page document. pdfkit takes a parsed font (an object with
 * `layout`) in registerFont; it is reached through a throwaway document, and if a pdfkit version hides it the bytes
 * are used as before.
 */
function parsedFace(bytes: Buffer): FontFace {
  const probe = new PDFDocument({ autoFirstPage: false });
  probe.registerFont('face', bytes);
  probe.font('face');
  const parsed = (probe as unknown as { _font?: { font?: { layout?: unknown } } })._font?.font;
  return typeof parsed?.layout === 'function' ? (parsed as unknown as FontFace) : bytes;
}

/** The two Chinese faces, read and parsed once per process (pdfkit embeds only the glyphs a document uses). */
export function loadChineseFonts(): Promise<{ regular: FontFace; bold: FontFace }> {
  fonts ??= Promise.all([readFile(fontFile('Regular')), readFile(fontFile('Bold'))])
    .then(([regular, bold]) => ({ regular: parsedFace(regular), bold: parsedFace(bold) }));
  fonts.catch(() => { fonts = null; });
  return fonts;
}

const LINE = '#999999';
const GREY = '#555555';
const SIZE = { title: 20, number: 12, heading: 13, body: 11.5, table: 10, footer: 8.5 };

export async function renderPdf(model: DocModel): Promise<Buffer> {
  const { regular, bold } = await loadChineseFonts();
  const doc = new PDFDocument({
    size: 'A4', margins: { top: 80, bottom: 72, left: 72, right: 68 }, bufferPages: true,
    info: {
      Title: model.number ? `${model.title} ${model.number}` : model.title,
      Author: model.issuer ?? '智治',
      ...(model.createdAt ? { CreationDate: model.createdAt, ModDate: model.createdAt } : {}),
    },
  });
  doc.registerFont('zh', regular);
  doc.registerFont('zh-bold', bold);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const ended = new Promise<void>((resolve, reject) => { doc.on('end', () => resolve()); doc.on('error', reject); });

  const left = doc.page.margins.left;
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  const bottom = () => doc.page.height - doc.page.margins.bottom;
  const ensure = (h: number) => { if (doc.y + h > bottom()) doc.addPage(); };
  const text = (s: string, opts: { font?: string; size?: number; align?: 'left' | 'center' | 'right'; indent?: number; color?: string } = {}) => {
    doc.font(opts.font ?? 'zh').fontSize(opts.size ?? SIZE.body).fillColor(opts.color ?? 'black')
      .text(s, left, doc.y, { width, align: opts.align ?? 'left', indent: opts.indent ?? 0, lineGap: 4 });
  };

  if (model.issuer) text(model.issuer, { size: SIZE.number, align: 'center' });
  doc.moveDown(0.3);
  text(model.title, { font: 'zh-bold', size: SIZE.title, align: 'center' });
  if (model.number) { doc.moveDown(0.3); text(model.number, { size: SIZE.number, align: 'center' }); }
  doc.moveDown(0.8);

  const table = (columns: string[], rows: string[][], opts: { ruled: boolean; widths?: number[]; size?: number }) => {
    const widths = opts.widths ?? columns.map(() => width / Math.max(1, columns.length));
    const pad = 4;
    const size = opts.size ?? SIZE.table;
    const heightOf = (cells: string[], font: string) => {
      doc.font(font).fontSize(size);
      return Math.max(...widths.map((w, i) => doc.heightOfString(cells[i] || ' ', { width: w - 2 * pad, lineGap: 2 }))) + 2 * pad;
    };
    const drawRow = (cells: string[], font: string, fill?: string): void => {
      const h = heightOf(cells, font);
      if (doc.y + h > bottom()) { doc.addPage(); if (opts.ruled && columns.length > 0) drawRow(columns, 'zh-bold', '#eeeeee'); }
      const y = doc.y;
      if (fill) doc.rect(left, y, width, h).fill(fill);
      let x = left;
      widths.forEach((w, i) => {
        doc.font(font).fontSize(size).fillColor('black').text(cells[i] ?? '', x + pad, y + pad, { width: w - 2 * pad, lineGap: 2 });
        if (opts.ruled) doc.rect(x, y, w, h).lineWidth(0.5).strokeColor(LINE).stroke();
        x += w;
      });
      doc.x = left;
      doc.y = y + h;
    };
    if (opts.ruled && columns.length > 0) drawRow(columns, 'zh-bold', '#eeeeee');
    for (const r of rows) drawRow(r, 'zh');
  };

  const draw = (b: DocBlock) => {
    switch (b.kind) {
      case 'heading':
        ensure(60);
        doc.moveDown(0.5);
        text(b.text, { font: 'zh-bold', size: SIZE.heading });
        doc.moveDown(0.2);
        return;
      case 'paragraph':
        for (const line of b.text.split('\n')) text(line, { indent: b.indent ? 2 * SIZE.body : 0 });
        doc.moveDown(0.2);
        return;
      case 'fields': {
        // the label column as wide as the longest label (at most a third of the line)
        doc.font('zh').fontSize(SIZE.body);
        const labelWidth = Math.min(width / 3, Math.max(0, ...b.pairs.map(([l]) => doc.widthOfString(`${l}：`))) + 12);
        table([], b.pairs.map(([l, v]) => [`${l}：`, v || '—']), { ruled: false, widths: [labelWidth, width - labelWidth], size: SIZE.body });
        doc.moveDown(0.2);
        return;
      }
      case 'table': {
        doc.font('zh-bold').fontSize(SIZE.table);
        const shares = columnShares(b.columns, b.rows, (t) => doc.widthOfString(t) + 10, width);
        table(b.columns, b.rows, { ruled: true, widths: shares.map((f) => f * width) });
        doc.moveDown(0.5);
        return;
      }
      case 'numbered':
        b.items.forEach((item, i) => text(`${i + 1}. ${item}`, { indent: 2 * SIZE.body }));
        doc.moveDown(0.2);
        return;
      case 'signatures':
        for (const l of b.lines) {
          ensure(48);
          doc.moveDown(1.2);
          const y = doc.y;
          // the printed name (when given), a line to sign on after it, and the date at the right
          const said = `${l.label}：${l.name ? `${l.name}  ` : ''}`;
          const date = l.date ?? BLANK_DATE;
          doc.font('zh').fontSize(SIZE.body).fillColor('black');
          const dateWidth = doc.widthOfString(date) + 16;
          const lineEnd = left + width - dateWidth;
          doc.text(said, left, y, { width: width - dateWidth });
          let after = doc.y;
          let from = left + doc.widthOfString(said) + 2;
          let lineY = y + SIZE.body + 2;
          if (from + 70 > lineEnd) { from = left + 2 * SIZE.body; lineY = after + SIZE.body + 4; after = lineY + 4; }
          doc.moveTo(from, lineY).lineTo(Math.max(lineEnd, from + 70), lineY).lineWidth(0.5).strokeColor('black').stroke();
          doc.text(date, left + width - dateWidth, lineY - SIZE.body - 2, { width: dateWidth, align: 'right' });
          doc.x = left;
          doc.y = Math.max(after, doc.y);
        }
        doc.moveDown(0.4);
        return;
      case 'seal':
        ensure(80);
        doc.moveDown(1.6);
        text(b.unit, { align: 'right' });
        text(b.date ?? BLANK_DATE, { align: 'right' });
        return;
      default: {
        const never: never = b;
        throw new Error(`unknown block ${JSON.stringify(never)}`);
      }
    }
  };
  for (const b of model.blocks) draw(b);

  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const foot = `${model.footer ? `${model.footer}    ` : ''}第 ${i - range.start + 1} 页 共 ${range.count} 页`;
    const y = doc.page.height - doc.page.margins.bottom + 24;
    // writing below the bottom margin would start a new page: lift the margin while the footer is drawn
    const margin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.font('zh').fontSize(SIZE.footer).fillColor(GREY).text(foot, left, y, { width, align: 'center', lineBreak: false });
    doc.page.margins.bottom = margin;
  }
  doc.end();
  await ended;
  return Buffer.concat(chunks);
}
