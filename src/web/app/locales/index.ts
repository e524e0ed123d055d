// The shell's own texts (app name, sign-in, menu, roles, levels, org and board pages), registered before the first render.
import { i18n } from '../../lib/i18n.ts';
import { zhCN } from './zh-CN.ts';
import { en } from './en.ts';

i18n.addResourceBundle('zh-CN', 'translation', zhCN, true, false);
i18n.addResourceBundle('en', 'translation', en, true, false);
