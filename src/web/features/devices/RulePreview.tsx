// 预览: the rules as edited (saved or not) replayed over one device's last 24 hours of readings: what would have fired,
// and when, and what would have recovered.
import { useState } from 'react';
import { Alert, Button, Card, Select, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { DeviceType } from '../../../shared/devices.ts';
import { errorText } from '../../lib/api.ts';
import { useApi } from '../../lib/useApi.ts';
import { detailsText } from '../alarms/public.ts';
import { listDevices, previewRules, type PreviewAnswer, type Rule } from './api.ts';

type Fired = PreviewAnswer['alarms'][number];

const time = (iso: string) => dayjs(iso).format('MM-DD HH:mm:ss');

export function RulePreview({ profileId, type, rules }: { profileId: string; type: DeviceType; rules: Rule[] }) {
  const { t, i18n } = useTranslation();
  const [deviceId, setDeviceId] = useState<string | undefined>();
  const [answer, setAnswer] = useState<PreviewAnswer | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const devices = useApi((signal) => listDevices({ type, status: 'active' }, null, signal, 200), [type]);
  const options = (devices.data?.items ?? []).map((d) => ({ value: d.id, label: `${d.name} · ${d.binding.name}` }));

  const run = async () => {
    if (!deviceId) return;
    setBusy(true); setError(null);
    try { setAnswer(await previewRules(profileId, deviceId, rules)); } catch (e) { setError(e); setAnswer(null); } finally { setBusy(false); }
  };

  return (
    <Card size="small" title={t('devices.rules.preview.title')} data-testid="rule-preview">
      <Typography.Paragraph type="secondary">{t('devices.rules.preview.subtitle')}</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          showSearch={{ optionFilterProp: 'label' }} style={{ width: 320 }} placeholder={t('devices.rules.preview.device')} value={deviceId} onChange={setDeviceId}
          options={options} loading={devices.loading} notFoundContent={t('devices.rules.preview.noDevice')} data-testid="preview-device"
        />
        <Button type="primary" disabled={!deviceId} loading={busy} onClick={() => void run()} data-testid="preview-run">{t('devices.rules.preview.run')}</Button>
      </Space>
      {error ? <Alert type="error" showIcon title={errorText(error, i18n.language)} /> : null}
      {answer ? (
        <div data-testid="preview-answer">
          <Typography.Paragraph type="secondary" data-testid="preview-summary">
            {t('devices.rules.preview.readings', { count: answer.readings, from: time(answer.from), to: time(answer.to) })}
          </Typography.Paragraph>
          {!answer.alarms.length ? <Alert type="success" showIcon title={t('devices.rules.preview.none')} data-testid="preview-none" /> : (
            <Table<Fired>
              size="small" rowKey={(a, i) => `${a.ruleId}-${a.at}-${i}`} pagination={false} dataSource={answer.alarms} data-testid="preview-alarms"
              columns={[
                { title: t('devices.rules.preview.at'), dataIndex: 'at', width: 140, render: (v: string) => time(v) },
                { title: t('devices.rules.preview.rule'), dataIndex: 'ruleName' },
                { title: t('devices.rules.preview.alarm'), dataIndex: 'alarmType', render: (v: string) => t(`alarms.types.${v}`, { defaultValue: v }) },
                { title: t('devices.rules.preview.level'), dataIndex: 'level', width: 80, render: (l: Fired['level']) => <Tag color={l === 'red' ? 'red' : l === 'orange' ? 'orange' : 'gold'}>{t(`devices.levels.${l}`)}</Tag> },
                {
                  title: t('devices.rules.preview.details'), dataIndex: 'details',
                  render: (d: Fired['details']) => detailsText(t, d),
                },
              ]}
            />
          )}
          {answer.recovered.length ? (
            <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
              {t('devices.rules.preview.recovered')}：{answer.recovered.map((r) => `${time(r.at)} ${t(`alarms.types.${r.alarmType}`, { defaultValue: r.alarmType })}`).join('；')}
            </Typography.Paragraph>
          ) : null}
        </div>
      ) : null}
    </Card>
  );
}
