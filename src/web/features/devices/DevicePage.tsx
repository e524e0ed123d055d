// 设备详情: the device's state, battery, last heard and what it is bound to (masked); its last day of readings as a chart
// or a table and its readings per day; its alarms (live, 确认 / 消警, the care order); the bound person's overrides;
// 修改, 重新生成令牌 (shown once) and 停用 as the device's policies allow.
import { useMemo, useState } from 'react';
import { App, Button, Card, Descriptions, Modal, Segmented, Space, Spin, Table, Tag, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { ApiError, errorText } from '../../lib/api.ts';
import { useApi } from '../../lib/useApi.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { ErrorState } from '../../ui/ErrorState.tsx';
import { CaseDrawer } from '../cases/desktop/public.ts';
import { AlarmDrawer, AlarmTable, ClearAlarmModal, useLiveAlarms } from '../alarms/public.ts';
import type { AlarmSummary } from '../alarms/api.ts';
import { fetchDevice, fetchReadings, retireDevice, rotateToken, type DeviceDetail, type DeviceTokenAnswer, type Reading } from './api.ts';
import { Battery, keyText, StateTag } from './parts.tsx';
import { PerDayBars, ReadingsChart } from './ReadingsChart.tsx';
import { OverridesCard } from './OverridesCard.tsx';
import { EditDeviceModal } from './EditDeviceModal.tsx';
import { TokenPanel } from './TokenPanel.tsx';
import './locales.ts';
import './devices.css';

const time = (iso: string | null) => (iso ? dayjs(iso).format('YYYY-MM-DD HH:mm:ss') : '—');

export function DevicePage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const detail = useApi((signal) => fetchDevice(id, signal), [id]);
  return (
    <div className="zz-page" data-testid="device-page">
      <Button type="link" icon={<ArrowLeftOutlined />} style={{ paddingLeft: 0 }} onClick={() => navigate('/devices')}>{t('devices.detail.back')}</Button>
      {detail.error ? <ErrorState error={detail.error} onRetry={detail.reload} /> : !detail.data ? <Spin /> : <DeviceView detail={detail.data} reload={detail.reload} />}
    </div>
  );
}

function DeviceView({ detail, reload }: { detail: DeviceDetail; reload(): void }) {
  const { t, i18n } = useTranslation();
  const { message, modal } = App.useApp();
  const d = detail.device;
  const [editing, setEditing] = useState(false);
  const [shown, setShown] = useState<DeviceTokenAnswer | null>(null);
  const act = (ask: string, run: () => Promise<void>) => modal.confirm({
    title: ask, okButtonProps: { danger: true }, okText: t('devices.detail.ok'), cancelText: t('devices.form.cancel'),
    onOk: async () => {
      try { await run(); } catch (e) {
        if (e instanceof ApiError && e.status === 409) message.warning(t('devices.detail.conflict')); else message.error(errorText(e, i18n.language));
        reload();
      }
    },
  });
  const rotate = () => act(t('devices.detail.rotateConfirm'), async () => { setShown(await rotateToken(d.id)); reload(); });
  const retire = () => act(t('devices.detail.retireConfirm'), async () => { await retireDevice(d.id, d.version); message.success(t('devices.detail.retiredDone')); reload(); });

  const facts = [
    { key: 'state', label: t('devices.detail.state'), children: d.status === 'retired' ? <Tag>{t('devices.statuses.retired')}</Tag> : <StateTag state={d.state} /> },
    { key: 'battery', label: t('devices.detail.battery'), children: <div style={{ width: 140 }}><Battery value={d.battery} /></div> },
    { key: 'lastSeen', label: t('devices.detail.lastSeen'), children: d.lastSeenAt ? time(d.lastSeenAt) : t('devices.never') },
    { key: 'lastEvent', label: t('devices.detail.lastEvent'), children: time(d.lastEventAt) },
    ...(d.offlineSince ? [{ key: 'offline', label: t('devices.detail.offlineSince'), children: <Typography.Text type="danger">{time(d.offlineSince)}</Typography.Text> }] : []),
    { key: 'type', label: t('devices.detail.type'), children: t(`devices.types.${d.type}`) },
    { key: 'binding', label: t('devices.detail.binding'), children: <span data-testid="device-binding">{t(`devices.bindingKinds.${d.binding.kind}`)} {d.binding.name}</span> },
    { key: 'address', label: t('devices.detail.address'), children: d.binding.address ?? d.address ?? '—' },
    { key: 'grid', label: t('devices.detail.grid'), children: d.gridName },
    { key: 'profile', label: t('devices.detail.profile'), children: d.profileName },
    { key: 'serial', label: t('devices.detail.serialNo'), children: d.serialNo ? <span className="zz-code">{d.serialNo}</span> : '—' },
    { key: 'created', label: t('devices.detail.createdAt'), children: time(d.createdAt) },
  ];

  return (
    <>
      <PageHeader
        title={<span data-testid="device-name">{d.name}</span>} subtitle={<span translate="no" data-testid="device-id">{d.id}</span>}
        extra={(
          <Space>
            {d.policies.includes('update') ? <Button onClick={() => setEditing(true)} data-testid="device-edit">{t('devices.detail.edit')}</Button> : null}
            {d.policies.includes('rotateToken') ? <Button onClick={rotate} data-testid="device-rotate">{t('devices.detail.rotate')}</Button> : null}
            {d.policies.includes('retire') ? <Button danger onClick={retire} data-testid="device-retire">{t('devices.detail.retire')}</Button> : null}
          </Space>
        )}
      />
      {d.status === 'retired' ? <Typography.Paragraph type="warning" data-testid="device-retired">{t('devices.detail.retired')}</Typography.Paragraph> : null}
      <Descriptions size="small" bordered column={3} items={facts} data-testid="device-facts" style={{ marginBottom: 16 }} />
      <Readings deviceId={d.id} perDay={detail.figures.readingsPerDay} />
      <DeviceAlarms deviceId={d.id} onChanged={reload} />
      {detail.rules.length ? <OverridesCard detail={detail} onSaved={reload} /> : null}
      <EditDeviceModal open={editing} detail={detail} onClose={() => setEditing(false)} onSaved={() => { setEditing(false); reload(); }} />
      <Modal open={!!shown} title={t('devices.detail.rotate')} onCancel={() => setShown(null)} footer={<Button type="primary" onClick={() => setShown(null)} data-testid="token-done">{t('devices.token.done')}</Button>} width={680} maskClosable={false} destroyOnHidden>
        {shown ? <TokenPanel deviceId={shown.id} token={shown.token} type={shown.device.type} /> : null}
      </Modal>
    </>
  );
}

function Readings({ deviceId, perDay }: { deviceId: string; perDay: DeviceDetail['figures']['readingsPerDay'] }) {
  const { t } = useTranslation();
  const [view, setView] = useState<'chart' | 'table'>('chart');
  const readings = useApi((signal) => fetchReadings(deviceId, signal), [deviceId]);
  const span = useMemo(() => ({ to: new Date(), from: new Date(Date.now() - 24 * 3600_000) }), [readings.data]); // eslint-disable-line react-hooks/exhaustive-deps
  const items: Reading[] = readings.data?.items ?? [];
  return (
    <Card
      size="small" title={t('devices.detail.readings')} style={{ marginBottom: 16 }} data-testid="readings-card"
      extra={<Segmented size="small" value={view} onChange={(v) => setView(v as 'chart' | 'table')} options={[{ value: 'chart', label: t('devices.detail.chart') }, { value: 'table', label: t('devices.detail.table') }]} data-testid="readings-view" />}
    >
      {readings.error ? <ErrorState error={readings.error} onRetry={readings.reload} /> : readings.loading && !readings.data ? <Spin /> : !items.length ? (
        <Typography.Text type="secondary" data-testid="readings-empty">{t('devices.detail.readingsEmpty')}</Typography.Text>
      ) : view === 'chart' ? <ReadingsChart readings={items} from={span.from} to={span.to} /> : (
        <Table<Reading>
          size="small" rowKey={(r, i) => `${r.at}-${i}`} dataSource={items} pagination={{ pageSize: 20, showSizeChanger: false }} data-testid="readings-table"
          columns={[
            { title: t('devices.detail.at'), dataIndex: 'at', width: 180, render: (v: string) => time(v) },
            { title: t('devices.detail.kind'), dataIndex: 'kind', width: 90, render: (k: Reading['kind']) => t(`devices.detail.readingKinds.${k}`) },
            { title: t('devices.detail.key'), dataIndex: 'key', width: 120, render: (k: string | null) => keyText(t, k) },
            { title: t('devices.detail.value'), key: 'value', render: (_: unknown, r) => r.textValue ?? (r.value === null ? '—' : String(r.value)) },
            { title: t('devices.detail.battery'), dataIndex: 'battery', width: 90, render: (b: number | null) => (b === null ? '—' : `${b}%`) },
          ]}
        />
      )}
      {perDay.length ? (
        <>
          <Typography.Text type="secondary">{t('devices.detail.perDay')}</Typography.Text>
          <PerDayBars days={perDay} />
        </>
      ) : null}
    </Card>
  );
}

function DeviceAlarms({ deviceId, onChanged }: { deviceId: string; onChanged(): void }) {
  const { t } = useTranslation();
  const [openId, setOpenId] = useState<string | null>(null);
  const [caseId, setCaseId] = useState<string | null>(null);
  const [clearing, setClearing] = useState<AlarmSummary | null>(null);
  const list = useLiveAlarms({ deviceId, limit: 20 });
  const changed = () => { list.reload(); onChanged(); };
  return (
    <Card size="small" title={t('devices.detail.alarms')} style={{ marginBottom: 16 }} data-testid="device-alarms-card">
      {list.error ? <ErrorState error={list.error} onRetry={list.reload} /> : (
        <AlarmTable items={list.items} loading={list.loading} emptyText={t('devices.detail.alarmsEmpty')} showDevice={false}
          onOpen={(a) => setOpenId(a.id)} onOpenOrder={setCaseId} onClear={setClearing} onChanged={changed} />
      )}
      <AlarmDrawer alarmId={openId} onClose={() => setOpenId(null)} onOpenOrder={setCaseId} onClear={setClearing} onChanged={changed} />
      <ClearAlarmModal alarm={clearing} onClose={() => setClearing(null)} onDone={() => { setClearing(null); changed(); }} />
      {caseId ? <CaseDrawer caseId={caseId} onClose={() => setCaseId(null)} onChanged={changed} /> : null}
    </Card>
  );
}
