// The product mark: a red seal with 治 and the product name.
import { useTranslation } from 'react-i18next';

export function BrandMark({ dark = false }: { dark?: boolean }) {
  const { t } = useTranslation();
  return (
    <div className={`zz-brand ${dark ? 'zz-brand-dark' : ''}`}>
      <span className="zz-brand-seal">治</span>
      <span className="zz-brand-text">
        <strong>{t('app.name')}</strong>
        <small>{t('app.fullName')}</small>
      </span>
    </div>
  );
}
