// Official papers (人民调解协议书, 行政处罚决定书 …): a document model, its Word and PDF renderers, and the download.
export { BLANK_DATE, charWidth, chineseDate, columnShares, DOCUMENT_FORMATS, DOCUMENT_TYPES, type DocBlock, type DocModel, type DocumentFormat } from './model.ts';
export { renderDocx } from './docx.ts';
export { loadChineseFonts, renderPdf } from './pdf.ts';
export { attachmentHeader, DocumentFormatQuery, documentResponse, renderDocument, sendDocument } from './send.ts';
