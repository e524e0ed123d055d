// Who keeps the command center's watch now (值班), small, for the head of the dispatcher's workbench: the current
// shifts of the caller's town from the duty roster, each with its people; a link to the whole roster.
import { Space, Typography } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../lib/useApi.ts';
import { fetchRoster } from './roster-api.ts';
import './locales.ts';

/** Re-read every few minutes, so a page left open follows the change of shift. */
const REFRESH_MS = 5 * 60_000;

export function OnDutyNow() {
  const { t, i18n } = useTranslation();
  const roster = useApi((signal) => fetchRoster({}, signal), [Math.floor(Date.now() / REFRESH_MS)]);
  if (!roster.data) return null;
  const slots = roster.data.onDuty.slots.filter((s) => s.people.length > 0);
  const list = i18n.language.startsWith('zh') ? '、' : ', ';
  return (
    <Space size={6} wrap style={{ fontSize: 13 }} data-testid="on-duty-now">
      <Link to="/org/duty-roster"><Typography.Text type="secondary">{t('orgAdmin.roster.onDuty')}：</Typography.Text></Link>
      {slots.length === 0 ? <Typography.Text type="warning">{t('orgAdmin.roster.nobody')}</Typography.Text>
        : slots.map((s, i) => (
          <span key={s.shift} data-testid={`on-duty-${s.shift}`}>
            {i > 0 ? <Typography.Text type="secondary"> · </Typography.Text> : null}
            <Typography.Text type="secondary">{t(`orgAdmin.roster.shifts.${s.shift}`)} </Typography.Text>
            <Typography.Text strong>{s.people.map((p) => p.name).join(list)}</Typography.Text>
          </span>
        ))}
    </Space>
  );
}
