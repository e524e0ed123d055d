// Reads the rows of an import file as a stream, never the whole file in memory: .xlsx through ExcelJS's streaming
// WorkbookReader, CSV through csv-parse (UTF-8 with or without a BOM, or GB18030/GBK as Excel in China saves it).
//
// An .xlsx keeps its text cells in one shared-strings part, which Excel writes AFTER the sheets. ExcelJS would keep them
// as a JS array (≈ 1 KB a row on a 100,000-row file) or, without it, copy the sheet to a temporary file in clear text; so
// a first pass (`readSharedStrings`) reads the strings into a compact table (UTF-8 bytes and offsets: what the text weighs, no
// more), and the second pass hands that table to the reader, which then streams the sheet directly.
import type { Readable } from 'node:stream';
import { Transform } from 'node:stream';
import { createRequire } from 'node:module';
import ExcelJS from 'exceljs';
import { parse as parseCsv } from 'csv-parse';
import type { Cell } from '../../domain/registry/rows.ts';
import type { ImportFormat } from './import-file.ts';

/**
 * ExcelJS's streaming reader decodes each chunk of a zip part as UTF-8 on its own (utils/browser-buffer-decode.js, no
 * `stream: true`), so a Chinese character split between two chunks of the inflated XML comes out as "���" — one name
 * in a few thousand, at random. Its parts come from unzipper's Parse, whose entries are plain streams: giving them an
 * encoding makes Node decode them with a StringDecoder (which carries a split character over), and the reader takes
 * strings as they are. Patched once, on the unzipper ExcelJS itself loads.
 */
function decodeZipPartsWhole(): void {
  const unzipper = createRequire(createRequire(import.meta.url).resolve('exceljs'))('unzipper') as {
    Parse: ((opts: object) => { push(entry: unknown): boolean }) & { decodesWhole?: true };
  };
  if (unzipper.Parse.decodesWhole) return;
  const original = unzipper.Parse;
  const patched = Object.assign((opts: object) => {
    const parse = original(opts);
    const push = parse.push.bind(parse);
    parse.push = (entry: unknown) => {
      const e = entry as { path?: string; setEncoding?: (enc: string) => void } | null;
      if (e && typeof e.setEncoding === 'function' && typeof e.path === 'string' && /\.(xml|rels)$/.test(e.path)) e.setEncoding('utf8');
      return push(entry);
    };
    return parse;
  }, { decodesWhole: true as const });
  unzipper.Parse = patched;
}
decodeZipPartsWhole();

export interface SheetRow {
  /** the row number as the spreadsheet shows it (the header is row 1) */
  row: number;
  /** cells by column position (0-based) */
  cells: Cell[];
  /** the row's check and its sealed values, worked out ahead (import-batch.ts `prepareRows`) */
  pre?: unknown;
}

export class UnreadableFile extends Error {
  readonly reason: 'unreadable' | 'noSheet' | 'tooLarge';
  constructor(reason: 'unreadable' | 'noSheet' | 'tooLarge', message: string) {
    super(message);
    this.reason = reason;
  }
}

/** The text of the shared-strings part, packed: one growing byte buffer and the offsets of each string in it. */
export class StringTable {
  private bytes = Buffer.alloc(64 * 1024);
  private used = 0;
  private offsets = new Uint32Array(1024);
  private count = 0;

  push(s: string): void {
    const need = Buffer.byteLength(s);
    if (this.used + need > this.bytes.length) {
      const next = Buffer.alloc(Math.max(this.bytes.length * 2, this.used + need));
      this.bytes.copy(next, 0, 0, this.used);
      this.bytes = next;
    }
    if (this.count + 2 > this.offsets.length) {
      const next = new Uint32Array(this.offsets.length * 2);
      next.set(this.offsets);
      this.offsets = next;
    }
    this.bytes.write(s, this.used);
    this.used += need;
    this.count++;
    this.offsets[this.count] = this.used;
  }

  get(i: number): string | undefined {
    if (!(i >= 0 && i < this.count)) return undefined;
    return this.bytes.toString('utf8', this.offsets[i]!, this.offsets[i + 1]!);
  }

  get size(): number { return this.count; }
  get byteSize(): number { return this.bytes.length + this.offsets.byteLength; }

  /** What ExcelJS's worksheet reader indexes (`sharedStrings[i]`), answered from the table. */
  asArray(): unknown {
    return new Proxy({}, { get: (_t, prop) => (typeof prop === 'string' ? this.get(Number(prop)) : undefined) });
  }
}

type XlsxValue = ExcelJS.CellValue | { sharedString: number } | undefined;

const richText = (v: { richText: { text: string }[] }) => v.richText.map((r) => r.text).join('');

/** An ExcelJS cell value as a plain cell: text, number, boolean or date; a formula by its result. */
export function plainCell(v: XlsxValue): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return v;
  if (typeof v === 'object') {
    if ('richText' in v && Array.isArray(v.richText)) return richText(v);
    if ('result' in v) return plainCell(v.result as XlsxValue);
    if ('formula' in v || 'sharedFormula' in v) return null;
    if ('text' in v) return typeof v.text === 'string' ? v.text : plainCell(v.text as XlsxValue);
    if ('error' in v) return String(v.error);
  }
  return null;
}

const READER_OPTIONS = { worksheets: 'emit', hyperlinks: 'ignore', styles: 'ignore', entries: 'ignore' } as const;

interface WorkbookReaderInternals {
  sharedStrings?: unknown;
  workbookRels?: unknown;
  model?: object;
  parse(): AsyncIterable<{ eventType?: string; value?: unknown; index?: number; text?: unknown }>;
}

const isEmpty = (cells: readonly Cell[]) => cells.every((c) => c === null || c === undefined || (typeof c === 'string' && c.trim() === ''));

/** The rows of the first worksheet, its shared strings from the table, in whatever order the zip holds its parts. */
async function* xlsxRows(input: Readable, strings: StringTable): AsyncGenerator<SheetRow> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    ...READER_OPTIONS, sharedStrings: 'ignore',
  } as ExcelJS.stream.xlsx.WorkbookStreamReaderOptions) as unknown as WorkbookReaderInternals;
  // set before the zip's parts arrive: ExcelJS then streams each sheet instead of copying it to a temporary file
  reader.sharedStrings = strings.asArray();
  reader.workbookRels = [];
  reader.model ??= {};
  let sheets = 0;
  try {
    for await (const ev of reader.parse()) {
      if (ev.eventType !== 'worksheet') continue;
      const sheet = ev.value as AsyncIterable<ExcelJS.Row[] | ExcelJS.Row>;
      sheets++;
      for await (const chunk of sheet) {
        for (const row of Array.isArray(chunk) ? chunk : [chunk]) {
          if (sheets > 1) continue; // only the first sheet holds data; the others (填写说明) are drained
          const values = row.values as XlsxValue[];
          const cells: Cell[] = [];
          for (let i = 1; i < values.length; i++) cells.push(plainCell(values[i]));
          if (!isEmpty(cells)) yield { row: row.number, cells };
        }
      }
    }
  } catch (err) {
    if (err instanceof UnreadableFile) throw err;
    throw new UnreadableFile('unreadable', `not a readable .xlsx workbook: ${(err as Error).message}`);
  } finally {
    input.destroy();
  }
  if (sheets === 0) throw new UnreadableFile('noSheet', 'the workbook has no worksheet');
}

/**
 * The text of a CSV file: UTF-8 (a BOM is dropped) when its first 64 KB are valid UTF-8, else GB18030 (a superset of
 * GBK and GB2312), which is what Excel writes for "CSV" on a Chinese Windows.
 */
function decodeText(input: Readable): Transform {
  let decoder: TextDecoder | null = null;
  const held: Buffer[] = [];
  let heldBytes = 0;
  const decide = (): string => {
    const head = Buffer.concat(held);
    held.length = 0;
    let encoding = 'utf-8';
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
    } catch {
      encoding = 'gb18030';
    }
    decoder = new TextDecoder(encoding);
    return decoder.decode(head, { stream: true });
  };
  const out = new Transform({
    transform(chunk: Buffer, _enc, done) {
      if (decoder) { done(null, decoder.decode(chunk, { stream: true })); return; }
      held.push(chunk);
      heldBytes += chunk.length;
      if (heldBytes >= 64 * 1024) done(null, decide());
      else done();
    },
    flush(done) {
      const head = decoder ? '' : decide();
      done(null, head + decoder!.decode());
    },
  });
  input.on('error', (err) => out.destroy(err));
  return input.pipe(out);
}

async function* csvRows(input: Readable): AsyncGenerator<SheetRow> {
  const parser = decodeText(input).pipe(parseCsv({ relax_column_count: true, relax_quotes: true, skip_empty_lines: false, bom: true }));
  let row = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      row++;
      const cells: Cell[] = record.map((c) => c);
      if (!isEmpty(cells)) yield { row, cells };
    }
  } catch (err) {
    throw new UnreadableFile('unreadable', `not a readable CSV file: ${(err as Error).message}`);
  } finally {
    input.destroy();
  }
}

/**
 * The first pass over an .xlsx: its shared strings into a table; the sheets are skipped unread (inflated, not parsed).
 */
export async function readSharedStrings(input: Readable): Promise<StringTable> {
  const strings = new StringTable();
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    ...READER_OPTIONS, worksheets: 'ignore', sharedStrings: 'emit',
  } as ExcelJS.stream.xlsx.WorkbookStreamReaderOptions) as unknown as WorkbookReaderInternals;
  reader.sharedStrings = strings.asArray();
  reader.workbookRels = [];
  reader.model ??= {};
  try {
    for await (const ev of reader.parse()) {
      if (ev.eventType === undefined && typeof ev.index === 'number') {
        const t = ev.text as string | { richText: { text: string }[] } | null;
        strings.push(t === null || t === undefined ? '' : typeof t === 'string' ? t : richText(t));
      }
    }
  } catch (err) {
    throw new UnreadableFile('unreadable', `not a readable .xlsx workbook: ${(err as Error).message}`);
  } finally {
    input.destroy();
  }
  return strings;
}

/** The rows of the file (the header first). An .xlsx needs its shared strings read first (`readSharedStrings`). */
export function readRows(input: Readable, format: ImportFormat, strings: StringTable | null): AsyncGenerator<SheetRow> {
  return format === 'xlsx' ? xlsxRows(input, strings ?? new StringTable()) : csvRows(input);
}
