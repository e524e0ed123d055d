// The shell header's reminder for administrators: the years of 法定节假日 the platform needs but has not got,
// linking to 工作日历. Refreshes after a save on the calendar page; says nothing when it cannot tell.
import { useEffect } from 'react';
import { Tag, Tooltip } from 'antd';
import { CalendarOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../lib/useApi.ts';
import { CALENDAR_SAVED_EVENT, getCalendarOverview } from './api.ts';
import './locales.ts';

export function CalendarMissingTag() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const overview = useApi((signal) => getCalendarOverview(signal), []);
  const { reload } = overview;
  useEffect(() => {
    window.addEventListener(CALENDAR_SAVED_EVENT, reload);
    return () => window.removeEventListener(CALENDAR_SAVED_EVENT, reload);
  }, [reload]);
  // a reminder to enter the days: for those the calendar's policies let enter them
  const missing = overview.data?.policies.includes('edit') ? overview.data.missing : [];
  if (!missing.length) return null;
  const years = missing.join(i18n.language.startsWith('zh') ? '、' : ', ');
  return (
    <Tooltip title={t('calendar.shellMissingTip')}>
      <Tag
        color="warning" icon={<CalendarOutlined />} data-testid="calendar-missing" role="link" tabIndex={0} style={{ cursor: 'pointer', marginInlineEnd: 0 }}
        onClick={() => navigate('/calendar')} onKeyDown={(e) => { if (e.key === 'Enter') navigate('/calendar'); }}
      >
        {t('calendar.shellMissing', { years })}
      </Tag>
    </Tooltip>
  );
}
