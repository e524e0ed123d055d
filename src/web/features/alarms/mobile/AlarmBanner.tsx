// The red banner of the grid worker's phone (home and 今日任务): the active alarms notified to me, live; a tap opens
// the alarm (one) or the list (several). Nothing shows when there is none.
import { AlertFilled, RightOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { alarmLine } from './alarm-text.ts';
import { useMyAlarms } from './useMyAlarms.ts';
import './locales.ts';
import './alarms-mobile.css';

export function AlarmBanner() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const active = useMyAlarms('active');
  const items = active.data?.items ?? [];
  if (items.length === 0) return null;
  const one = items.length === 1 && !active.data?.nextCursor ? items[0]! : null;
  const count = active.data?.nextCursor ? `${items.length}+` : String(items.length);
  return (
    <button type="button" className="ma-banner" data-testid="alarm-banner" data-count={items.length}
      onClick={() => navigate(one ? `/m/alarms/${one.id}` : '/m/alarms')}>
      <span className="ma-banner-icon"><AlertFilled /></span>
      <span className="ma-banner-text">
        <strong>{one ? t('malarm.banner.one', { what: alarmLine(one, t) }) : t('malarm.banner.many', { count })}</strong>
        <small>{t('malarm.banner.tap')}</small>
      </span>
      <RightOutlined />
    </button>
  );
}
