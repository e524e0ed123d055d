// 设备管理: the devices of the caller's territory with their type, what they are bound to (masked), grid, online state
// and last heard, battery and alarms; filters by text, type, state and status; 登记设备 (when the list's policies allow)
// opens the register + bind drawer, whose token is shown once.
import { useState } from 'react';
import { Badge, Button, Empty, Input, Select, Space, Table, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { DEVICE_STATES, DEVICE_TYPES, type DeviceState, type DeviceType } from '../../../shared/devices.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { ErrorState } from '../../ui/ErrorState.tsx';
import { useCursorList } from '../../lib/useCursorList.ts';
import { listDevices, type Device, type DeviceFilter } from './api.ts';
import { RegisterDeviceDrawer } from './RegisterDeviceDrawer.tsx';
import { Battery, StateTag } from './parts.tsx';
import './locales.ts';
import './devices.css';

export function DevicesPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [filter, setFilter] = useState<DeviceFilter>({ status: 'active' });
  const [text, setText] = useState('');
  const [registering, setRegistering] = useState(false);

  const { items, nextCursor, canCreate, loading, error, more, reload } = useCursorList(listDevices, filter);
  const set = (patch: Partial<DeviceFilter>) => setFilter((f) => ({ ...f, ...patch }));

  const columns: TableColumnsType<Device> = [
    {
      title: t('devices.col.name'), dataIndex: 'name',
      render: (v: string, d) => <Space orientation="vertical" size={0}><Typography.Link onClick={() => navigate(`/devices/${d.id}`)} data-testid="device-link">{v}</Typography.Link>{d.serialNo ? <Typography.Text type="secondary" className="zz-code" style={{ fontSize: 12 }}>{d.serialNo}</Typography.Text> : null}</Space>,
    },
    { title: t('devices.col.type'), dataIndex: 'type', width: 110, render: (v: DeviceType) => t(`devices.types.${v}`) },
    {
      title: t('devices.col.binding'), key: 'binding',
      render: (_: unknown, d) => <Space orientation="vertical" size={0}><span>{t(`devices.bindingKinds.${d.binding.kind}`)} {d.binding.name}</span><Typography.Text type="secondary" style={{ fontSize: 12 }}>{d.binding.address ?? d.address ?? ''}</Typography.Text></Space>,
    },
    { title: t('devices.col.grid'), dataIndex: 'gridName', width: 150 },
    { title: t('devices.col.state'), key: 'state', width: 110, render: (_: unknown, d) => (d.status === 'retired' ? <Typography.Text type="secondary">{t('devices.statuses.retired')}</Typography.Text> : <StateTag state={d.state} lastSeenAt={d.lastSeenAt} />) },
    { title: t('devices.col.battery'), dataIndex: 'battery', width: 130, render: (v: number | null) => <Battery value={v} /> },
    {
      title: t('devices.col.alarms'), dataIndex: 'activeAlarms', width: 100,
      render: (n: number) => (n > 0 ? <Badge status="error" text={<Typography.Text type="danger" data-testid="device-alarms">{t('devices.activeAlarms', { count: n })}</Typography.Text>} /> : <Typography.Text type="secondary">{t('devices.noAlarm')}</Typography.Text>),
    },
    { title: t('devices.col.profile'), dataIndex: 'profileName', width: 150 },
  ];

  return (
    <div className="zz-page" data-testid="devices-page">
      <PageHeader
        title={t('devices.title')} subtitle={t('devices.subtitle')}
        extra={canCreate ? <Button type="primary" icon={<PlusOutlined />} onClick={() => setRegistering(true)} data-testid="device-register">{t('devices.register')}</Button> : null}
      />
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear style={{ width: 280 }} placeholder={t('devices.filter.q')} value={text} onChange={(e) => { setText(e.target.value); if (!e.target.value) set({ q: undefined }); }}
          onSearch={(v) => set({ q: v.trim() || undefined })} enterButton={t('devices.filter.go')} data-testid="device-search"
        />
        <Select allowClear style={{ width: 150 }} placeholder={t('devices.filter.type')} value={filter.type} onChange={(v?: DeviceType) => set({ type: v })} data-testid="device-filter-type"
          options={DEVICE_TYPES.map((x) => ({ value: x, label: t(`devices.types.${x}`) }))} />
        <Select allowClear style={{ width: 130 }} placeholder={t('devices.filter.state')} value={filter.state} onChange={(v?: DeviceState) => set({ state: v })} data-testid="device-filter-state"
          options={DEVICE_STATES.map((x) => ({ value: x, label: t(`devices.states.${x}`) }))} />
        <Select style={{ width: 120 }} value={filter.status} onChange={(v: 'active' | 'retired') => set({ status: v })} data-testid="device-filter-status"
          options={(['active', 'retired'] as const).map((x) => ({ value: x, label: t(`devices.statuses.${x}`) }))} />
        <Button onClick={() => { setText(''); setFilter({ status: 'active' }); }}>{t('devices.filter.reset')}</Button>
      </Space>
      {error ? <ErrorState error={error} onRetry={reload} /> : (
        <Table<Device>
          rowKey="id" size="small" columns={columns} dataSource={items} loading={loading} pagination={false} data-testid="device-table"
          rowClassName={(d) => (d.activeAlarms > 0 ? 'zz-device-alarming' : '')}
          onRow={(d) => ({ 'data-testid': 'device-row', 'data-id': d.id } as React.HTMLAttributes<HTMLElement>)}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('devices.empty')} /> }}
          footer={() => <Typography.Text type="secondary" data-testid="device-count">{t('devices.count', { count: items.length })}</Typography.Text>}
        />
      )}
      {nextCursor ? <Button block style={{ marginTop: 8 }} onClick={more} data-testid="device-more">{t('devices.more')}</Button> : null}
      <RegisterDeviceDrawer open={registering} onClose={() => setRegistering(false)} onCreated={reload} />
    </div>
  );
}
