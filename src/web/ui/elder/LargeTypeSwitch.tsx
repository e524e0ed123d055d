// The 大字模式 switch of the phone pages (on the phone home and in the resident pages' title bar).
import { Switch, Toast } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { setLargeType, useLargeType } from './large-type.ts';
import './locales.ts';
import './elder.css';

/** A labelled switch row: 大字模式 with a line of what it does. */
export function LargeTypeSwitch() {
  const { t } = useTranslation();
  const on = useLargeType();
  return (
    <div className="zz-large-row">
      <span>
        <strong id="zz-large-label">{t('elder.largeType')}</strong>
        <small>{t('elder.largeTypeHint')}</small>
      </span>
      <Switch checked={on} aria-labelledby="zz-large-label" data-testid="large-type"
        onChange={(v) => { setLargeType(v); Toast.show({ content: v ? t('elder.largeTypeOn') : t('elder.largeTypeOff') }); }} />
    </div>
  );
}

/** A compact 大/标 button for a title bar: one tap switches. */
export function LargeTypeButton() {
  const { t } = useTranslation();
  const on = useLargeType();
  return (
    <button type="button" className="zz-large-btn" aria-pressed={on} title={t('elder.largeType')}
      data-testid="large-type-button" onClick={() => setLargeType(!on)}>
      {t('elder.short')}
    </button>
  );
}
