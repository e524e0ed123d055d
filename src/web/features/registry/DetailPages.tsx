// The detail pages of a place (/registry/places/:id) and a thing (/registry/things/:id): its fields, and for a thing
// its inspections (登记巡查 when `policies` allow), hazards and the cases linked to it; each with its change history.
import { useMemo, useState } from 'react';
import { App, Button, Card, DatePicker, Descriptions, Empty, Form, Input, Modal, Radio, Result, Table, Typography } from 'antd';
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ApiError, errorText } from '../../lib/api.ts';
import { useApi } from '../../lib/useApi.ts';
import { ErrorState } from '../../ui/ErrorState.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { addInspection, fetchPlace, fetchThing, newKey, revealPlace, type Inspection, type PlaceDetail, type ThingDetail } from './api.ts';
import { PlaceDrawer, ThingDrawer } from './forms.tsx';
import { HistoryList } from './HistoryList.tsx';
import { MaskedValue, RiskTag, useEnumLabel } from './parts.tsx';
import { CaseList, HazardList } from './sections.tsx';
import { HazardCreateModal, type HazardAt } from './hazard-forms.tsx';
import { TagsProvider } from './tags.tsx';
import './locales.ts';
import './registry.css';

function NotFound({ title, text, back }: { title: string; text: string; back: string }) {
  const { t } = useTranslation();
  return <Result status="404" title={title} subTitle={text} extra={<Link to={back}>{t('registry.actions.back')}</Link>} />;
}
/** the results of an inspection (the server's INSPECTION_RESULTS) */
const INSPECTION_RESULTS = ['normal', 'hazard'] as const;
const missing = (e: unknown) => e instanceof ApiError && (e.status === 404 || e.status === 403);

export function PlacePage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const place = useApi((signal) => fetchPlace(id, signal), [id]);
  if (place.error) return missing(place.error) ? <NotFound title={t('registry.place.title')} text={t('registry.place.notFound')} back="/registry/places" /> : <ErrorState error={place.error} onRetry={place.reload} />;
  if (!place.data) return <Card loading />;
  return <TagsProvider><PlaceView detail={place.data} reload={place.reload} /></TagsProvider>;
}

function PlaceView({ detail, reload }: { detail: PlaceDetail; reload: () => void }) {
  const { t } = useTranslation();
  const label = useEnumLabel();
  const p = detail.place;
  const [editing, setEditing] = useState(false);
  return (
    <div data-testid="place-page">
      <PageHeader
        title={`${t('registry.place.title')} · ${p.name}`} subtitle={label('placeKind', p.kind)}
        extra={<>
          {detail.policies.includes('update') ? <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>{t('registry.actions.edit')}</Button> : null}
          <Link to="/registry/places"><Button>{t('registry.actions.back')}</Button></Link>
        </>}
      />
      <div className="zz-reg-file">
        <Card size="small" className="zz-reg-wide">
          <Descriptions size="small" column={3} items={[
            { key: 'kind', label: t('registry.col.kind'), children: label('placeKind', p.kind) },
            { key: 'grid', label: t('registry.col.grid'), children: p.gridName },
            { key: 'address', label: t('registry.col.address'), children: p.address ?? '—' },
            { key: 'contact', label: t('registry.col.contact'), children: <>{p.contactName ?? '—'}&nbsp;<MaskedValue masked={p.contactPhone} canReveal={detail.policies.includes('revealPhone')} reveal={() => revealPlace(p.id)} testId="place-phone" /></> },
            { key: 'credit', label: t('registry.col.creditCode'), children: p.creditCode ? <span translate="no">{p.creditCode}</span> : '—' },
            { key: 'location', label: t('registry.place.location'), children: <span translate="no">{p.location.lng.toFixed(6)}, {p.location.lat.toFixed(6)}</span> },
            ...(p.note ? [{ key: 'note', label: t('registry.col.note'), children: p.note, span: 3 }] : []),
          ]} />
        </Card>
        <Card size="small" title={t('registry.household.history')} className="zz-reg-wide">
          <HistoryList items={detail.history} emptyText={t('registry.household.noHistory')} />
        </Card>
      </div>
      <PlaceDrawer open={editing} record={p} onClose={() => setEditing(false)} onSaved={() => { setEditing(false); reload(); }} />
    </div>
  );
}

export function ThingPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const thing = useApi((signal) => fetchThing(id, signal), [id]);
  if (thing.error) return missing(thing.error) ? <NotFound title={t('registry.thing.title')} text={t('registry.thing.notFound')} back="/registry/things" /> : <ErrorState error={thing.error} onRetry={thing.reload} />;
  if (!thing.data) return <Card loading />;
  return <TagsProvider><ThingView detail={thing.data} reload={thing.reload} /></TagsProvider>;
}

function ThingView({ detail, reload }: { detail: ThingDetail; reload: () => void }) {
  const { t } = useTranslation();
  const label = useEnumLabel();
  const x = detail.thing;
  const [editing, setEditing] = useState(false);
  const [inspecting, setInspecting] = useState(false);
  const [hazardAt, setHazardAt] = useState<HazardAt | null>(null);
  const overdue = x.nextInspectionOn !== null && x.nextInspectionOn < dayjs().format('YYYY-MM-DD');
  return (
    <div data-testid="thing-page">
      <PageHeader
        title={`${t('registry.thing.title')} · ${x.name}`} subtitle={<>{label('thingKind', x.kind)} <RiskTag level={x.riskLevel} /></>}
        extra={<>
          {detail.policies.includes('inspect') ? <Button type="primary" icon={<PlusOutlined />} onClick={() => setInspecting(true)} data-testid="thing-inspect">{t('registry.actions.addInspection')}</Button> : null}
          {detail.policies.includes('update') ? <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>{t('registry.actions.edit')}</Button> : null}
          <Link to="/registry/things"><Button>{t('registry.actions.back')}</Button></Link>
        </>}
      />
      <div className="zz-reg-file">
        <Card size="small" className="zz-reg-wide">
          <Descriptions size="small" column={3} items={[
            { key: 'kind', label: t('registry.col.kind'), children: label('thingKind', x.kind) },
            { key: 'risk', label: t('registry.col.risk'), children: <RiskTag level={x.riskLevel} /> },
            { key: 'grid', label: t('registry.col.grid'), children: x.gridName },
            { key: 'address', label: t('registry.col.address'), children: x.address ?? '—' },
            { key: 'every', label: t('registry.col.inspectEvery'), children: x.inspectionEveryDays ? t('registry.everyDays', { count: x.inspectionEveryDays }) : '—' },
            { key: 'last', label: t('registry.col.lastInspected'), children: x.lastInspectedOn ?? '—' },
            { key: 'next', label: t('registry.col.nextInspection'), children: x.nextInspectionOn
              ? <Typography.Text type={overdue ? 'danger' : undefined}>{x.nextInspectionOn}{overdue ? `（${t('registry.thing.overdue')}）` : ''}</Typography.Text> : '—' },
            { key: 'location', label: t('registry.place.location'), children: <span translate="no">{x.location.lng.toFixed(6)}, {x.location.lat.toFixed(6)}</span> },
            ...(x.buildingId ? [{ key: 'building', label: t('registry.col.building'), children: <Link to={`/registry/buildings/${x.buildingId}`}>{t('registry.actions.buildingView')}</Link> }] : []),
            ...(x.note ? [{ key: 'note', label: t('registry.col.note'), children: x.note, span: 3 }] : []),
          ]} />
        </Card>
        <Card size="small" title={t('registry.thing.inspections')} className="zz-reg-wide" data-testid="thing-inspections">
          <Table<Inspection>
            rowKey="id" size="small" pagination={detail.inspections.length > 10 ? { pageSize: 10 } : false} dataSource={detail.inspections}
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('registry.thing.noInspections')} /> }}
            columns={[
              { title: t('registry.thing.inspectedOn'), dataIndex: 'inspectedOn', width: 120 },
              { title: t('registry.thing.result'), dataIndex: 'result', width: 110, render: (v: string) => <Typography.Text type={v === 'hazard' ? 'danger' : undefined}>{label('inspectionResult', v)}</Typography.Text> },
              { title: t('registry.thing.inspector'), dataIndex: 'inspectorName', width: 120, render: (v: string | null) => v ?? '—' },
              { title: t('registry.thing.note'), dataIndex: 'note', render: (v: string | null) => v ?? '—' },
            ]}
          />
        </Card>
        <Card
          size="small" title={t('registry.thing.hazards')} data-testid="thing-hazards"
          extra={detail.policies.includes('addHazard') ? (
            <Button size="small" icon={<PlusOutlined />} onClick={() => setHazardAt({ thingId: x.id, where: x.name })} data-testid="hazard-add">{t('registry.hazard.add')}</Button>
          ) : null}
        >
          <HazardList items={detail.hazards} emptyText={t('registry.thing.noHazards')} reload={reload} />
        </Card>
        <Card size="small" title={t('registry.thing.cases')}>
          <CaseList items={detail.cases} emptyText={t('registry.thing.noCases')} />
        </Card>
        <Card size="small" title={t('registry.household.history')} className="zz-reg-wide">
          <HistoryList items={detail.history} emptyText={t('registry.household.noHistory')} />
        </Card>
      </div>
      <ThingDrawer open={editing} record={x} onClose={() => setEditing(false)} onSaved={() => { setEditing(false); reload(); }} />
      <HazardCreateModal at={hazardAt} onClose={() => setHazardAt(null)} onSaved={() => { setHazardAt(null); reload(); }} />
      <InspectionModal thingId={x.id} open={inspecting} onClose={() => setInspecting(false)} onSaved={() => { setInspecting(false); reload(); }} />
    </div>
  );
}

function InspectionModal({ thingId, open, onClose, onSaved }: { thingId: string; open: boolean; onClose: () => void; onSaved: () => void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const label = useEnumLabel();
  const [form] = Form.useForm<{ inspectedOn: Dayjs; result: string; note?: string }>();
  const [busy, setBusy] = useState(false);
  const key = useMemo(() => newKey(), [open]);
  const save = async () => {
    let v;
    try { v = await form.validateFields(); } catch { return; }
    setBusy(true);
    try {
      await addInspection(thingId, { inspectedOn: v.inspectedOn.format('YYYY-MM-DD'), result: v.result as 'normal' | 'hazard', note: v.note?.trim() || null }, key);
      message.success(t('registry.thing.inspectionSaved'));
      onSaved();
    } catch (e) {
      message.error(errorText(e, i18n.language));
    } finally { setBusy(false); }
  };
  return (
    <Modal open={open} title={t('registry.actions.addInspection')} onCancel={onClose} onOk={() => void save()} confirmLoading={busy} destroyOnHidden
      okText={t('registry.actions.save')} cancelText={t('registry.actions.cancel')} afterOpenChange={(o) => { if (o) form.setFieldsValue({ inspectedOn: dayjs(), result: 'normal' }); }}>
      <Form form={form} layout="vertical">
        <Form.Item name="inspectedOn" label={t('registry.thing.inspectedOn')} rules={[{ required: true }]}>
          <DatePicker disabledDate={(d) => d.isAfter(dayjs(), 'day')} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="result" label={t('registry.thing.result')} rules={[{ required: true }]}>
          <Radio.Group options={INSPECTION_RESULTS.map((r) => ({ value: r, label: label('inspectionResult', r) }))} />
        </Form.Item>
        <Form.Item name="note" label={t('registry.thing.note')}><Input.TextArea rows={3} maxLength={1000} /></Form.Item>
      </Form>
    </Modal>
  );
}
