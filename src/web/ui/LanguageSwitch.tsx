// 中文 / English switch, used on the login page, in the shell and on mobile pages. Each language is named in itself,
// marked with its `lang` (for screen readers, and for the tests' check that Chinese pages show no English).
import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { setLang, type Lang } from '../lib/i18n.ts';

export function LanguageSwitch({ size = 'middle' }: { size?: 'small' | 'middle' }) {
  const { i18n } = useTranslation();
  const value: Lang = i18n.language === 'en' ? 'en' : 'zh-CN';
  return (
    <Segmented<Lang>
      size={size}
      data-testid="language-switch"
      value={value}
      onChange={setLang}
      options={[{ label: <span lang="zh-CN">中文</span>, value: 'zh-CN' }, { label: <span lang="en">English</span>, value: 'en' }]}
    />
  );
}
