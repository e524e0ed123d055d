// The alarm strip of the dispatcher's workbench: while alarms stand unacknowledged, one red line with their count and
// the newest few, live, with the tone (开启声音 once) and a way to 告警中心. Nothing when there is none.
import { Button, Space, Typography } from 'antd';
import { AlertOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useLiveAlarms } from './useLiveAlarms.ts';
import { alarmTypeText, SoundSwitch } from './parts.tsx';
import './locales.ts';
import './alarms.css';

export function AlarmStrip() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const list = useLiveAlarms({ status: 'active', limit: 20 }, { sound: true });
  if (list.error || !list.items.length) return null;
  const count = list.nextCursor ? `${list.items.length}+` : String(list.items.length);
  return (
    <div className="zz-alarm-strip" data-testid="alarm-strip">
      <Typography.Text type="danger" strong><AlertOutlined /> {t('alarms.strip.title', { count })}</Typography.Text>
      <div className="zz-alarm-strip-items">
        {list.items.slice(0, 3).map((a) => (
          <span key={a.id}>{dayjs(a.raisedAt).format('HH:mm')} {alarmTypeText(t, a)} · {a.address ?? a.gridName}</span>
        ))}
      </div>
      <Space>
        <SoundSwitch />
        <Button size="small" danger onClick={() => navigate('/alarms')} data-testid="alarm-strip-open">{t('alarms.strip.open')}</Button>
      </Space>
    </div>
  );
}
