// antd and antd-mobile locales for each language. Their ES builds sit in packages without
// "type": "module", so TypeScript sees CommonJS while Vite sees ES modules: take `.default` when present.
import type { Locale as AntdLocale } from 'antd/es/locale/index.js';
import antdZh from 'antd/es/locale/zh_CN.js';
import antdEn from 'antd/es/locale/en_US.js';
import mobileZh from 'antd-mobile/es/locales/zh-CN.js';
import mobileEn from 'antd-mobile/es/locales/en-US.js';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn.js';
import type { Lang } from '../lib/i18n.ts';

function interop<T>(m: T | { default: T }): T {
  return m && typeof m === 'object' && 'default' in m ? (m as { default: T }).default : (m as T);
}

type MobileLocale = typeof mobileZh.default;

export const antdLocales: Record<Lang, AntdLocale> = { 'zh-CN': interop(antdZh), en: interop(antdEn) };
export const mobileLocales: Record<Lang, MobileLocale> = { 'zh-CN': interop(mobileZh), en: interop(mobileEn) };

/** antd's date pickers name months and weekdays through dayjs's global locale, which antd's own locale does not set. */
export const dayjsLocales: Record<Lang, string> = { 'zh-CN': 'zh-cn', en: 'en' };
