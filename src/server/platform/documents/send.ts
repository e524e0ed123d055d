import type { FastifyReply } from 'fastify';
import { Type } from '@sinclair/typebox';
import { DOCUMENT_TYPES, type DocModel, type DocumentFormat } from './model.ts';
import { renderDocx } from './docx.ts';
import { renderPdf } from './pdf.ts';

/** The query of a document download: ?format=pdf|docx (PDF unless asked). */
export const DocumentFormatQuery = Type.Union([Type.Literal('pdf'), Type.Literal('docx')], {
  default: 'pdf', description: 'pdf (to print) or docx (Word, to edit before printing)',
});

/** The 200 response of a document route, for its schema: `response: { 200: documentResponse('人民调解协议书') }`. */
export const documentResponse = (what: string) => ({
  description: `${what} (PDF or Word)`,
  content: {
    [DOCUMENT_TYPES.pdf]: { schema: Type.String({ format: 'binary' }) },
    [DOCUMENT_TYPES.docx]: { schema: Type.String({ format: 'binary' }) },
  },
});

export function renderDocument(doc: DocModel, format: DocumentFormat): Promise<Buffer> {
  return format === 'docx' ? renderDocx(doc) : renderPdf(doc);
}

/**
 * Content-Disposition for a Chinese file name: an ASCII fallback for old clients and the name itself in RFC 5987
 * form (filename*=UTF-8''…), which browsers save the file under.
 */
export function attachmentHeader(fileName: string, asciiFallback?: string): string {
  const ascii = (asciiFallback ?? fileName).replace(/[^A-Za-z0-9._-]+/g, '').replace(/^[._-]+/, '');
  const ext = fileName.match(/\.[A-Za-z0-9]+$/)?.[0] ?? '';
  const fallback = ascii && ascii !== ext.slice(1) && ascii !== ext ? ascii : `document${ext}`;
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`;
}

/**
 * Renders the document and sends it as a download: `fileName` without the extension (人民调解协议书（2026）春调字第7号);
 * `.pdf` / `.docx` is added. `asciiName` (also without extension) is the fallback name for clients that cannot read
 * the Chinese one.
 */
export async function sendDocument(reply: FastifyReply, doc: DocModel, format: DocumentFormat, fileName: string, asciiName?: string): Promise<FastifyReply> {
  const body = await renderDocument(doc, format);
  const ext = format === 'docx' ? '.docx' : '.pdf';
  return reply
    .type(DOCUMENT_TYPES[format])
    .header('content-disposition', attachmentHeader(`${fileName}${ext}`, asciiName ? `${asciiName}${ext}` : undefined))
    .header('cache-control', 'no-store')
    .send(body);
}
