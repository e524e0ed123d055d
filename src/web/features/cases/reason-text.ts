// The reason shown on a timeline entry: what a person wrote, as written, or a reason the system wrote (stored as a
// code with parameters, src/shared/system-reasons.ts) in the reader's language. The texts (lib/system-reason-text.ts)
// are registered under `sysReason`.
import type { TFunction } from 'i18next';
import { i18n } from '../../lib/i18n.ts';
import { parseSystemReason } from '../../../shared/system-reasons.ts';
import { SYSTEM_REASON_EN, SYSTEM_REASON_ZH } from '../../lib/system-reason-text.ts';

// the codes hold dots; i18next would read them as nested keys, so they are stored with `_` for `.`
const flat = (texts: typeof SYSTEM_REASON_ZH) => Object.fromEntries(Object.entries(texts).map(([k, v]) => [k.replace('.', '_'), v]));
i18n.addResourceBundle('zh-CN', 'translation', { sysReason: flat(SYSTEM_REASON_ZH) }, true, false);
i18n.addResourceBundle('en', 'translation', { sysReason: flat(SYSTEM_REASON_EN) }, true, false);

export function reasonText(reason: string | null | undefined, t: TFunction): string | null {
  if (!reason) return null;
  const sys = parseSystemReason(reason);
  return sys ? t(`sysReason.${sys.code.replace('.', '_')}`, sys.params) : reason;
}
