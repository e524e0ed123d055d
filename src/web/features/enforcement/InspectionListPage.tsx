// 联合检查 (执法监管一件事): the joint inspections of the reader's area — the firm or place, the day, the departments whose
// checklists one visit covers, and the separate visits it spared; 计划联合检查 picks two or more departments' checklists.
import { useMemo, useRef, useState } from 'react';
import { Alert, App, Button, DatePicker, Empty, Form, Input, Modal, Segmented, Space, Spin, Table, Tag, Typography, type ButtonProps } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import dayjs, { type Dayjs } from 'dayjs';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { ErrorState } from '../../ui/ErrorState.tsx';
import { PinMap } from '../../ui/map/PinMap.tsx';
import { plainColours } from '../../ui/map/palette.ts';
import type { Bounds } from '../../ui/map/geometry.ts';
import { errorText } from '../../lib/api.ts';
import { useApi } from '../../lib/useApi.ts';
import { useMe } from '../../app/auth.tsx';
import { holdsAnyRole } from '../../../shared/roles.ts';
import { ENFORCEMENT_OFFICERS } from '../../../shared/enforcement.ts';
import { useMapLook, usePlaceArea } from '../maps/public.ts';
import { listChecklists, listInspections, newIdempotencyKey, planInspection, type InspectionStatus, type InspectionSummary, type Location } from './api.ts';
import './locales.ts';
import './enforcement.css';

const STATUS_COLOURS: Record<InspectionStatus, string> = { planned: 'processing', done: 'success', cancelled: 'default' };

export function InspectionListPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const me = useMe();
  const [status, setStatus] = useState<InspectionStatus | 'all'>('all');
  const [planning, setPlanning] = useState(false);
  const list = useApi((signal) => listInspections(status === 'all' ? undefined : status, null, signal), [status]);
  const items = list.data?.items ?? [];
  const saved = items.reduce((n, i) => n + i.visitsSaved, 0);
  const canPlan = holdsAnyRole(me.roles, ENFORCEMENT_OFFICERS);

  const columns: TableColumnsType<InspectionSummary> = [
    { title: t('enf.inspections.col.number'), dataIndex: 'number', width: 230, render: (v: string, i) => <Typography.Link className="zz-code" onClick={() => navigate(`/enforcement/inspections/${i.id}`)} data-testid="inspection-link">{v}</Typography.Link> },
    {
      title: t('enf.inspections.col.subject'), dataIndex: 'subjectName',
      render: (v: string, i) => <Space orientation="vertical" size={0}><span>{v}</span><Typography.Text type="secondary" style={{ fontSize: 12 }}>{[i.gridName, i.address].filter(Boolean).join(' · ')}</Typography.Text></Space>,
    },
    { title: t('enf.inspections.col.plannedOn'), dataIndex: 'plannedOn', width: 120 },
    { title: t('enf.inspections.col.departments'), dataIndex: 'departments', render: (ds: string[]) => <span>{ds.map((d) => <Tag key={d} bordered={false}>{d}</Tag>)}</span> },
    { title: t('enf.inspections.col.status'), dataIndex: 'status', width: 100, render: (s: InspectionStatus) => <Tag color={STATUS_COLOURS[s]}>{t(`enf.inspectionStatuses.${s}`)}</Tag> },
    { title: t('enf.inspections.col.saved'), dataIndex: 'visitsSaved', width: 100, align: 'right' },
  ];

  return (
    <div className="zz-page" data-testid="enf-inspections-page">
      <PageHeader
        title={t('enf.inspections.title')} subtitle={t('enf.inspections.subtitle')}
        extra={canPlan ? <Button type="primary" icon={<PlusOutlined />} onClick={() => setPlanning(true)} data-testid="inspection-create">{t('enf.inspections.create')}</Button> : null}
      />
      <Space wrap style={{ marginBottom: 12 }}>
        <Segmented<InspectionStatus | 'all'> value={status} onChange={setStatus}
          options={[{ value: 'all', label: t('enf.cases.allStatuses') }, ...(['planned', 'done'] as const).map((s) => ({ value: s, label: t(`enf.inspectionStatuses.${s}`) }))]} />
        <Typography.Text type="secondary" data-testid="inspection-saved">{t('enf.inspections.saved', { count: saved })}</Typography.Text>
      </Space>
      {list.error ? <ErrorState error={list.error} onRetry={list.reload} /> : (
        <Table<InspectionSummary>
          rowKey="id" size="middle" columns={columns} dataSource={items} loading={list.loading} pagination={false} data-testid="inspection-table"
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('enf.inspections.empty')} /> }}
          footer={() => <Typography.Text type="secondary">{t('enf.inspections.count', { count: items.length })}</Typography.Text>}
        />
      )}
      {planning ? <PlanDialog onClose={() => setPlanning(false)} onDone={(id) => navigate(`/enforcement/inspections/${id}`)} /> : null}
    </div>
  );
}

function PlanDialog({ onClose, onDone }: { onClose(): void; onDone(id: string): void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const checklists = useApi((signal) => listChecklists(signal), []);
  const [subjectName, setSubjectName] = useState('');
  const [address, setAddress] = useState('');
  const [plannedOn, setPlannedOn] = useState<Dayjs>(dayjs().add(1, 'day'));
  const [picked, setPicked] = useState<string[]>([]);
  const [at, setAt] = useState<Location | null>(null);
  const [touched, setTouched] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const key = useRef(newIdempotencyKey());
  const departments = new Set((checklists.data?.items ?? []).filter((c) => picked.includes(c.id)).map((c) => c.department));
  const ok = async () => {
    setTouched(true);
    if (!subjectName.trim() || !at || departments.size < 2) return;
    setBusy(true); setError(null);
    try {
      const made = await planInspection({ subjectName: subjectName.trim(), ...(address.trim() ? { address: address.trim() } : {}), location: at, plannedOn: plannedOn.format('YYYY-MM-DD'), checklistIds: picked }, key.current);
      message.success(t('enf.inspections.form.created', { number: made.number }));
      onDone(made.id);
    } catch (e) { setError(errorText(e, i18n.language)); setBusy(false); }
  };
  return (
    <Modal open title={t('enf.inspections.form.title')} onCancel={onClose} onOk={() => void ok()} okText={t('enf.inspections.form.submit')} cancelText={t('enf.cancel')} confirmLoading={busy} width={720} destroyOnHidden
      okButtonProps={{ 'data-testid': 'inspection-plan-ok' } as ButtonProps}>
      <Form layout="vertical" component="div">
        <Form.Item label={t('enf.inspections.form.subjectName')} required validateStatus={touched && !subjectName.trim() ? 'error' : undefined}>
          <Input maxLength={100} value={subjectName} onChange={(e) => setSubjectName(e.target.value)} data-testid="inspection-subject" />
        </Form.Item>
        <Space size={16} style={{ display: 'flex' }}>
          <Form.Item label={t('enf.inspections.form.address')} style={{ flex: 1 }}><Input maxLength={200} value={address} onChange={(e) => setAddress(e.target.value)} /></Form.Item>
          <Form.Item label={t('enf.inspections.form.plannedOn')}><DatePicker value={plannedOn} onChange={(d) => d && setPlannedOn(d)} allowClear={false} /></Form.Item>
        </Space>
        <Form.Item label={t('enf.inspections.form.checklists')} required extra={t('enf.inspections.form.checklistsHint')} validateStatus={touched && departments.size < 2 ? 'error' : undefined}>
          {checklists.loading ? <Spin /> : (
            <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8 }} data-testid="inspection-checklists">
              {(checklists.data?.items ?? []).map((c) => (
                <Tag.CheckableTag key={c.id} checked={picked.includes(c.id)} onChange={(on) => setPicked((xs) => (on ? [...xs, c.id] : xs.filter((x) => x !== c.id)))}
                  style={{ border: '1px solid #d9dde3', padding: '4px 10px' }}>
                  {c.title} · {c.department}（{t('enf.inspections.page.items', { count: c.items.length })}）
                </Tag.CheckableTag>
              ))}
            </div>
          )}
        </Form.Item>
        <Form.Item label={t('enf.inspections.form.location')} required validateStatus={touched && !at ? 'error' : undefined}>
          <SmallPointPicker value={at} onChange={setAt} />
        </Form.Item>
      </Form>
      {error ? <Alert type="error" showIcon title={error} /> : null}
    </Modal>
  );
}

function SmallPointPicker({ value, onChange }: { value: Location | null; onChange(v: Location): void }) {
  const { t } = useTranslation();
  const { area } = usePlaceArea(false);
  const look = useMapLook();
  const plain = useMemo(() => (area ? plainColours(area.units, '#b9cbe2') : null), [area]);
  if (!area || !plain) return <div className="enf-map" style={{ display: 'grid', placeItems: 'center', height: 260 }}><Spin /></div>;
  return (
    <PinMap look={look} units={plain} position={value} focus={area.focus?.bounds as Bounds | undefined} onMove={onChange} navigation padding={20} className="enf-map" testId="inspection-point">
      <div className="enf-pick-hint">{value ? `${value.lng.toFixed(6)}, ${value.lat.toFixed(6)}` : t('enf.create.locationHint')}</div>
    </PinMap>
  );
}
