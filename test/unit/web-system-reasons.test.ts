// Reasons the system writes (a case's escalation, a registry record moved by a grid import) are stored as codes and
// read in words in the reader's language, on the case timeline and in the household file's history alike.
import { describe, expect, it } from 'vitest';
import { SYSTEM_REASONS, systemReason } from '../../src/shared/system-reasons.ts';
import { reasonInWords, SYSTEM_REASON_EN, SYSTEM_REASON_ZH } from '../../src/web/lib/system-reason-text.ts';
import { IMPORT_REASON } from '../../src/server/registry/boundary-change.ts';

describe('system reasons in words', () => {
  it.each(SYSTEM_REASONS.map((c) => [c]))('%s reads in Chinese and in English', (code) => {
    expect(reasonInWords(systemReason(code), 'zh-CN')).toBe(SYSTEM_REASON_ZH[code].replace(/\{\{\w+\}\}/g, ''));
    expect(SYSTEM_REASON_ZH[code]).toMatch(/^[^A-Za-z]*(\{\{\w+\}\}[^A-Za-z]*)*$/u);
    expect(SYSTEM_REASON_EN[code]).not.toMatch(/\p{Script=Han}/u);
  });

  it('reads the registry\'s grid import reason, as the server stores it, in words', () => {
    expect(IMPORT_REASON).toBe('sys:registry.gridImport');
    expect(reasonInWords(IMPORT_REASON, 'zh-CN')).toMatch(/导入.*网格/);
    expect(reasonInWords(IMPORT_REASON, 'en')).toMatch(/^Grid boundaries imported/);
  });

  it('fills the parameters, and leaves what a person wrote as written', () => {
    expect(reasonInWords(systemReason('escalation.escalateAfterH', { hours: 48 }), 'en')).toBe('Not finished within the matter\'s 48 hours: escalated automatically');
    expect(reasonInWords('2026年勘界：春晖路以东划入第1网格', 'en')).toBe('2026年勘界：春晖路以东划入第1网格');
    expect(reasonInWords('sys:no.such.code', 'zh-CN')).toBe('sys:no.such.code');
    expect(reasonInWords(null, 'zh-CN')).toBeNull();
  });
});
