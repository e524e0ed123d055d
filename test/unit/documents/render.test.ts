import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { attachmentHeader, chineseDate, columnShares, renderDocx, renderPdf, sendDocument, type DocModel } from '../../../src/server/platform/documents/index.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'documents-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const agreement: DocModel = {
  issuer: '春晖路街道人民调解委员会',
  title: '人民调解协议书',
  number: '（2026）春调字第7号',
  createdAt: new Date('2026-12-03T02:00:00Z'),
  blocks: [
    { kind: 'heading', text: '一、当事人基本情况' },
    { kind: 'fields', pairs: [['申请人', '王建国，男，1968年5月生'], ['被申请人', '刘晓燕，女']] },
    { kind: 'heading', text: '二、纠纷主要事实、争议事项' },
    { kind: 'paragraph', text: '被申请人家卫生间防水层老化，渗水致申请人家天花板霉变脱落。', indent: true },
    { kind: 'heading', text: '三、经调解，自愿达成如下协议' },
    { kind: 'numbered', items: ['被申请人于2026年12月10日前重做卫生间防水层。', '被申请人赔偿申请人维修费人民币一千五百元。'] },
    { kind: 'table', columns: ['证据名称', '来源'], rows: [['现场照片', '网格员拍摄'], ['维修报价单', '申请人提供']] },
    { kind: 'signatures', lines: [{ label: '申请人（签名）' }, { label: '被申请人（签名）' }, { label: '人民调解员（签名）', name: '蒋丽萍' }] },
    { kind: 'seal', unit: '春晖路街道人民调解委员会（印章）', date: '2026年12月3日' },
  ],
  footer: '本协议书一式三份，双方当事人、人民调解委员会各执一份',
};
const WORDS = ['人民调解协议书', '（2026）春调字第7号', '王建国', '刘晓燕', '重做卫生间防水层', '维修报价单', '蒋丽萍', '春晖路街道人民调解委员会（印章）', '一式三份'];

describe('renderPdf', () => {
  it('writes the Chinese words so that they come back out of the PDF, with page numbers', async () => {
    const pdf = await renderPdf(agreement);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const file = path.join(dir, 'a.pdf');
    writeFileSync(file, pdf);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    for (const w of WORDS) expect(text).toContain(w);
    expect(text).toMatch(/第\s*1\s*页\s*共\s*1\s*页/);
    expect(text).toMatch(/1\. 被申请人于2026年12月10日前/);
  });

  it('renders documents side by side from the one parsed font, each with its own glyphs', async () => {
    const names = ['甲乙丙', '丁戊己', '庚辛壬', '癸子丑'];
    const pdfs = await Promise.all(names.map((n) => renderPdf({ title: `${n}决定书`, blocks: [{ kind: 'paragraph', text: `当事人${n}` }] })));
    pdfs.forEach((pdf, i) => {
      const file = path.join(dir, `side-${i}.pdf`);
      writeFileSync(file, pdf);
      expect(execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' })).toContain(`当事人${names[i]}`);
    });
  });

  it('breaks a long table over pages', async () => {
    const rows = Array.from({ length: 80 }, (_, i) => [`照片${i + 1}`, '执法记录仪']);
    const pdf = await renderPdf({ title: '证据清单', blocks: [{ kind: 'table', columns: ['证据', '来源'], rows }] });
    const file = path.join(dir, 'long.pdf');
    writeFileSync(file, pdf);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(text).toContain('照片80');
    expect(text).toMatch(/共\s*[2-9]\s*页/);
  });
});

describe('renderDocx', () => {
  it('writes a Word file whose document.xml holds the words, the fonts and A4', async () => {
    const docx = await renderDocx(agreement);
    expect(docx.subarray(0, 2).toString()).toBe('PK');
    const file = path.join(dir, 'a.docx');
    writeFileSync(file, docx);
    const xml = execFileSync('unzip', ['-p', file, 'word/document.xml'], { encoding: 'utf8' });
    for (const w of WORDS.filter((w) => w !== '一式三份')) expect(xml).toContain(w);
    expect(xml).toContain('w:eastAsia="宋体"');
    expect(xml).toContain('w:eastAsia="仿宋"');
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(xml).toContain('<w:jc w:val="center"/>');
    const footer = execFileSync('unzip', ['-p', file, 'word/footer1.xml'], { encoding: 'utf8' });
    expect(footer).toContain('一式三份');
  });
});

describe('the download', () => {
  it('names the file in Chinese (RFC 5987) with an ASCII fallback', () => {
    expect(attachmentHeader('人民调解协议书（2026）春调字第7号.pdf', 'agreement-7.pdf')).toBe(
      `attachment; filename="agreement-7.pdf"; filename*=UTF-8''${encodeURIComponent('人民调解协议书（2026）春调字第7号.pdf')}`);
    expect(attachmentHeader('行政处罚决定书.docx')).toBe(`attachment; filename="document.docx"; filename*=UTF-8''${encodeURIComponent('行政处罚决定书.docx')}`);
  });

  it('sends the type, the name and the bytes', async () => {
    const sent: { headers: Record<string, string>; type?: string; body?: Buffer } = { headers: {} };
    const reply = {
      type(t: string) { sent.type = t; return this; },
      header(k: string, v: string) { sent.headers[k] = v; return this; },
      send(b: Buffer) { sent.body = b; return this; },
    };
    await sendDocument(reply as never, agreement, 'docx', '人民调解协议书', 'agreement');
    expect(sent.type).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(sent.headers['content-disposition']).toContain('filename="agreement.docx"');
    expect(sent.headers['content-disposition']).toContain(encodeURIComponent('人民调解协议书.docx'));
    expect(sent.body?.subarray(0, 2).toString()).toBe('PK');
  });

  it('writes dates as documents do, on the Beijing calendar', () => {
    expect(chineseDate('2026-12-02T17:30:00Z')).toBe('2026年12月3日');
    expect(chineseDate(new Date('2026-01-05T03:00:00Z'))).toBe('2026年1月5日');
  });
});

describe('columnShares', () => {
  it('keeps a short column narrow and gives a long one the rest', () => {
    const len = (t: string) => t.length;
    const shares = columnShares(['序号', '证明内容'], [['1', '当事人在春晖路22号门前超出门窗摆摊经营水果']], len, 40);
    expect(shares.reduce((a, b) => a + b, 0)).toBeCloseTo(1);
    expect(shares[0]!).toBeLessThan(0.15);
    const wide = columnShares(['甲', '乙', '丙'], [['一二', '三'.repeat(60), '四'.repeat(60)]], len, 40);
    expect(wide[0]).toBeCloseTo(2.4 / 40);
    expect(wide[1]).toBeCloseTo(wide[2]!);
    expect(wide.reduce((a, b) => a + b, 0)).toBeCloseTo(1);
  });
});
