// 中文 / English switch, used on the login page, in the shell and on mobile pages.
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
      options={[{ label: '中文', value: 'zh-CN' }, { label: 'English', value: 'en' }]}
    />
  );
}
