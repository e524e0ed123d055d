// 合作方通知: a town's partner webhooks (family doctor, traffic police, 120), which alarm types go to each, a test-send,
// and each one's delivery log. The signing secret is shown once, on create and on rotation.
import { useMemo, useState } from 'react';
import { App, Badge, Button, Checkbox, Drawer, Empty, Form, Input, Modal, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { CaseDrawer } from '../../cases/desktop/public.ts';
import { ApiError, errorText } from '../../../lib/api.ts';
import { useApi } from '../../../lib/useApi.ts';
import { ErrorState } from '../../../ui/ErrorState.tsx';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { listUnits } from '../../org/api.ts';
import { PARTNER_LIMITS } from '../../../../shared/alarms.ts';
import { HAZARDS } from '../../../../shared/plans.ts';
import {
  createWebhook, listDeliveries, listWebhooks, testWebhook, updateWebhook, type Delivery, type Webhook,
} from './api.ts';
import { OnceSecret } from './OnceSecret.tsx';
import '../locales.ts';
import './locales.ts';

const ALL = '*';
/** the alarm types the default profiles raise; others can be typed in */
const KNOWN_TYPES = ['inactivity', 'doorInactivity', 'heartRateLow', 'heartRateHigh', 'sos', 'fall', 'smoke', 'gas', 'water', 'waterLeak', 'fire', 'intrusion', 'camera', 'offline'];
const time = (iso: string | null | undefined) => (iso ? dayjs(iso).format('YYYY-MM-DD HH:mm:ss') : '—');

interface FormValues { name: string; townId?: string; url: string; alarmTypes: string[]; hazards: string[]; active: boolean; rotateSecret?: boolean }
type WebhookHazard = NonNullable<Parameters<typeof createWebhook>[0]['hazards']>[number];

export function WebhooksPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const loaded = useApi((signal) => listWebhooks(signal), []);
  const towns = useApi((signal) => listUnits({ level: 'town' }, signal), []);
  const [editing, setEditing] = useState<Webhook | 'new' | null>(null);
  const [secret, setSecret] = useState<string | null>(null);
  const [log, setLog] = useState<Webhook | null>(null);
  const [testing, setTesting] = useState<string | null>(null);
  const typeName = (ty: string) => (ty === ALL ? t('partners.webhooks.allTypes') : t(`alarms.types.${ty}`, { defaultValue: ty }));

  const test = async (w: Webhook) => {
    setTesting(w.id);
    try {
      const d = await testWebhook(w.id);
      if (d.status === 'delivered') message.success(t('partners.webhooks.tested.delivered', { status: d.responseStatus }));
      else message.error(t('partners.webhooks.tested.failed', { error: d.lastError ?? '' }));
    } catch (e) {
      message.error(errorText(e, i18n.language));
    } finally {
      setTesting(null);
      loaded.reload();
    }
  };

  const d = loaded.data;
  return (
    <div data-testid="webhooks-page">
      <PageHeader
        title={t('partners.webhooks.title')} subtitle={t('partners.webhooks.subtitle')}
        extra={d?.policies.includes('create')
          ? <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="webhook-add">{t('partners.webhooks.add')}</Button>
          : null}
      />
      <div className="zz-page">
        {loaded.error ? <ErrorState error={loaded.error} onRetry={loaded.reload} /> : null}
        <Table<Webhook>
          rowKey="id" size="middle" loading={loaded.loading} dataSource={d?.items ?? []} pagination={false} data-testid="webhook-table"
          locale={{ emptyText: <Empty description={t('partners.webhooks.empty')} /> }} scroll={{ x: 1000 }}
          columns={[
            { title: t('partners.webhooks.col.name'), dataIndex: 'name', render: (v: string) => <strong>{v}</strong> },
            { title: t('partners.webhooks.col.town'), dataIndex: 'townName', width: 120 },
            { title: t('partners.webhooks.col.url'), dataIndex: 'url', render: (v: string) => <Typography.Text className="zz-code" ellipsis style={{ maxWidth: 260 }}>{v}</Typography.Text> },
            { title: t('partners.webhooks.col.types'), dataIndex: 'alarmTypes', render: (v: string[]) => (v.length ? v.map((x) => <Tag key={x}>{typeName(x)}</Tag>) : '—') },
            {
              title: t('partners.webhooks.col.hazards'), dataIndex: 'hazards',
              render: (v: string[]) => (v.length ? v.map((x) => <Tag key={x} color="volcano">{t(`partners.webhooks.hazards.${x}`, { defaultValue: x })}</Tag>) : '—'),
            },
            {
              title: t('partners.webhooks.col.active'), dataIndex: 'active', width: 90,
              render: (v: boolean) => <Badge status={v ? 'success' : 'default'} text={v ? t('partners.webhooks.active') : t('partners.webhooks.inactive')} />,
            },
            {
              title: t('partners.webhooks.col.last'), dataIndex: 'lastDelivery', width: 200,
              render: (v: Webhook['lastDelivery']) => (v
                ? <Space size={4}><DeliveryStatus status={v.status} /><span>{time(v.at)}</span></Space>
                : <Typography.Text type="secondary">{t('partners.webhooks.never')}</Typography.Text>),
            },
            {
              title: t('partners.webhooks.col.actions'), key: 'actions', width: 230, fixed: 'right',
              render: (_: unknown, w) => (
                <Space size={0} wrap>
                  {w.policies.includes('edit') ? <Button type="link" size="small" onClick={() => setEditing(w)}>{t('partners.webhooks.edit')}</Button> : null}
                  {w.policies.includes('test')
                    ? <Button type="link" size="small" loading={testing === w.id} onClick={() => void test(w)} data-testid="webhook-test">{t('partners.webhooks.test')}</Button>
                    : null}
                  <Button type="link" size="small" onClick={() => setLog(w)} data-testid="webhook-log">{t('partners.webhooks.log')}</Button>
                </Space>
              ),
            },
          ]}
        />
      </div>
      <WebhookForm
        editing={editing} towns={towns.data ?? []} knownTypes={KNOWN_TYPES} typeName={typeName}
        onClose={() => setEditing(null)}
        onSaved={(s) => { setEditing(null); loaded.reload(); if (s) setSecret(s); else message.success(t('partners.webhooks.saved')); }}
        onConflict={() => { setEditing(null); loaded.reload(); message.warning(t('partners.webhooks.conflict')); }}
      />
      <OnceSecret
        open={secret !== null} value={secret ?? ''} testId="webhook-secret"
        title={t('partners.webhooks.secret.title')} body={t('partners.webhooks.secret.body')}
        extra={<>{t('partners.webhooks.secret.how')}<br /><code>X-Zhizhi-Signature: t=&lt;unix&gt;,v1=&lt;HMAC-SHA256&gt;</code></>}
        copyText={t('partners.webhooks.secret.copy')} copiedText={t('partners.webhooks.secret.copied')} doneText={t('partners.webhooks.secret.done')}
        onClose={() => setSecret(null)}
      />
      <DeliveryLog webhook={log} onClose={() => setLog(null)} />
    </div>
  );
}

function DeliveryStatus({ status }: { status: Delivery['status'] }) {
  const { t } = useTranslation();
  const colour = status === 'delivered' ? 'success' : status === 'failed' ? 'error' : 'warning';
  return <Tag color={colour}>{t(`partners.webhooks.deliveries.status.${status}`)}</Tag>;
}

function WebhookForm({ editing, towns, knownTypes, typeName, onClose, onSaved, onConflict }: {
  editing: Webhook | 'new' | null; towns: { id: string; name: string }[]; knownTypes: string[]; typeName: (ty: string) => string;
  onClose: () => void; onSaved: (secret: string | null) => void; onConflict: () => void;
}) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const [busy, setBusy] = useState(false);
  // one Idempotency-Key per opening of the form: a retried save answers the first webhook, a new form makes a new one
  const key = useMemo(() => (editing ? crypto.randomUUID() : ''), [editing]);
  const existing = editing && editing !== 'new' ? editing : null;
  const typeOptions = useMemo(() => [ALL, ...knownTypes].map((v) => ({ value: v, label: typeName(v) })), [knownTypes, typeName]);
  const hazardOptions = useMemo(() => [ALL, ...HAZARDS].map((v) => ({ value: v, label: t(`partners.webhooks.hazards.${v}`) })), [t]);

  const submit = async (v: FormValues) => {
    setBusy(true);
    try {
      const alarmTypes = v.alarmTypes.includes(ALL) ? [ALL] : v.alarmTypes;
      const hazards = (v.hazards.includes(ALL) ? [ALL] : v.hazards) as WebhookHazard[];
      if (existing) {
        const saved = await updateWebhook(existing.id, {
          name: v.name, url: v.url, alarmTypes, hazards, active: v.active, version: existing.version, ...(v.rotateSecret ? { rotateSecret: true } : {}),
        });
        onSaved(saved.secret);
      } else {
        const saved = await createWebhook({ name: v.name, url: v.url, alarmTypes, hazards, active: v.active, ...(v.townId ? { townId: v.townId } : {}) }, key);
        onSaved(saved.secret);
      }
    } catch (e) {
      if (e instanceof ApiError && e.code === 'CONFLICT') onConflict();
      else message.error(errorText(e, i18n.language));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Drawer
      open={editing !== null} width={520} destroyOnHidden onClose={onClose} data-testid="webhook-form"
      title={existing ? t('partners.webhooks.form.titleEdit') : t('partners.webhooks.form.titleNew')}
      extra={(
        <Space>
          <Button onClick={onClose}>{t('partners.webhooks.form.cancel')}</Button>
          <Button type="primary" loading={busy} onClick={() => form.submit()} data-testid="webhook-save">{t('partners.webhooks.form.save')}</Button>
        </Space>
      )}
    >
      <Form<FormValues>
        form={form} layout="vertical" onFinish={(v) => void submit(v)} preserve={false}
        initialValues={existing
          ? { name: existing.name, url: existing.url, alarmTypes: existing.alarmTypes, hazards: existing.hazards, active: existing.active }
          : { active: true, alarmTypes: [], hazards: [], townId: towns.length === 1 ? towns[0]!.id : undefined }}
      >
        <Form.Item name="name" label={t('partners.webhooks.form.name')} rules={[{ required: true, whitespace: true, message: t('partners.webhooks.form.required') }]}>
          <Input maxLength={PARTNER_LIMITS.name} placeholder={t('partners.webhooks.form.namePh')} data-testid="webhook-name" />
        </Form.Item>
        {existing ? null : (
          <Form.Item name="townId" label={t('partners.webhooks.form.town')} rules={[{ required: true, message: t('partners.webhooks.form.required') }]}>
            <Select options={towns.map((x) => ({ value: x.id, label: x.name }))} data-testid="webhook-town" />
          </Form.Item>
        )}
        <Form.Item
          name="url" label={t('partners.webhooks.form.url')} extra={t('partners.webhooks.form.urlHint')}
          rules={[{ required: true, whitespace: true, message: t('partners.webhooks.form.required') }]}
        >
          <Input maxLength={PARTNER_LIMITS.url} placeholder={t('partners.webhooks.form.urlPh')} data-testid="webhook-url" />
        </Form.Item>
        <Form.Item
          name="alarmTypes" label={t('partners.webhooks.form.types')} extra={t('partners.webhooks.form.typesHint')}
          dependencies={['hazards']}
          rules={[({ getFieldValue }) => ({
            validator: (_, value: string[] | undefined) => ((value?.length ?? 0) > 0 || (getFieldValue('hazards')?.length ?? 0) > 0
              ? Promise.resolve() : Promise.reject(new Error(t('partners.webhooks.form.typesOrHazards')))),
          })]}
        >
          <Select mode="multiple" options={typeOptions} optionFilterProp="label" data-testid="webhook-types" />
        </Form.Item>
        <Form.Item name="hazards" label={t('partners.webhooks.form.hazards')} extra={t('partners.webhooks.form.hazardsHint')}>
          <Select mode="multiple" options={hazardOptions} optionFilterProp="label" data-testid="webhook-hazards" />
        </Form.Item>
        <Form.Item name="active" label={t('partners.webhooks.form.active')} valuePropName="checked">
          <Switch />
        </Form.Item>
        {existing ? (
          <Form.Item name="rotateSecret" valuePropName="checked" extra={t('partners.webhooks.form.rotateHint')}>
            <Checkbox>{t('partners.webhooks.form.rotate')}</Checkbox>
          </Form.Item>
        ) : null}
      </Form>
    </Drawer>
  );
}

function DeliveryLog({ webhook, onClose }: { webhook: Webhook | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [pages, setPages] = useState<{ before: string | null; items: Delivery[] }[]>([]);
  const [before, setBefore] = useState<string | null>(null);
  const first = useApi(webhook ? (signal) => listDeliveries(webhook.id, null, signal) : null, [webhook?.id]);
  const more = useApi(webhook && before ? (signal) => listDeliveries(webhook.id, before, signal) : null, [webhook?.id, before]);
  const items = [...(first.data?.items ?? []), ...pages.flatMap((p) => p.items), ...(more.data?.items ?? [])];
  const next = more.data ? more.data.nextCursor : first.data?.nextCursor ?? null;
  const [caseId, setCaseId] = useState<string | null>(null);
  return (
    <Modal
      open={webhook !== null} width={960} footer={null} data-testid="delivery-log"
      title={webhook ? t('partners.webhooks.deliveries.title', { name: webhook.name }) : ''}
      onCancel={() => { setPages([]); setBefore(null); onClose(); }} destroyOnHidden
    >
      {first.error ? <ErrorState error={first.error} onRetry={first.reload} /> : null}
      <Table<Delivery>
        rowKey="id" size="small" loading={first.loading || more.loading} dataSource={items} pagination={false}
        locale={{ emptyText: <Empty description={t('partners.webhooks.deliveries.empty')} /> }} scroll={{ x: 860 }}
        columns={[
          { title: t('partners.webhooks.deliveries.col.at'), dataIndex: 'createdAt', width: 170, render: (v: string) => time(v) },
          { title: t('partners.webhooks.deliveries.col.kind'), dataIndex: 'kind', width: 90, render: (v: Delivery['kind']) => t(`partners.webhooks.deliveries.kind.${v}`) },
          {
            title: t('partners.webhooks.deliveries.col.order'), dataIndex: 'caseNumber', width: 200,
            render: (v: string | null, r) => (v && r.caseId ? <Button type="link" size="small" onClick={() => setCaseId(r.caseId)}>{v}</Button>
              : r.incidentNumber ? <span className="zz-code">{r.incidentNumber}</span> : '—'),
          },
          { title: t('partners.webhooks.deliveries.col.status'), dataIndex: 'status', width: 90, render: (v: Delivery['status']) => <DeliveryStatus status={v} /> },
          { title: t('partners.webhooks.deliveries.col.attempts'), dataIndex: 'attempts', width: 80 },
          {
            title: t('partners.webhooks.deliveries.col.response'), key: 'response',
            render: (_: unknown, r) => <span className="zz-code">{(r.responseStatus ? `HTTP ${r.responseStatus}` : '') + (r.lastError && r.status !== 'delivered' ? ` ${r.lastError}` : '')}</span>,
          },
          { title: t('partners.webhooks.deliveries.col.next'), dataIndex: 'nextAttemptAt', width: 170, render: (v: string | null) => time(v) },
        ]}
      />
      {next ? (
        <div style={{ textAlign: 'center', marginTop: 12 }}>
          <Button onClick={() => { if (more.data) setPages((p) => [...p, { before, items: more.data!.items }]); setBefore(next); }}>
            {t('partners.webhooks.deliveries.more')}
          </Button>
        </div>
      ) : null}
      {caseId ? <CaseDrawer caseId={caseId} onClose={() => setCaseId(null)} onChanged={() => undefined} /> : null}
    </Modal>
  );
}
