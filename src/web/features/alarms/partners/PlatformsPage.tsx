// 平台接入: the platforms (fire AI, anti-fraud, enterprise anomaly) that send alerts with their own API keys, the ground
// their alerts may land on, and which matter each alert type becomes. The key is shown once, on register and rotation.
import { useEffect, useState } from 'react';
import { App, Badge, Button, Drawer, Empty, Form, Input, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { ApiError, errorText } from '../../../lib/api.ts';
import { useApi } from '../../../lib/useApi.ts';
import { ErrorState } from '../../../ui/ErrorState.tsx';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { listUnits, type OrgUnit } from '../../org/api.ts';
import { listMatters } from '../../matters/api.ts';
import { PARTNER_LIMITS } from '../../../../shared/alarms.ts';
import { listPlatforms, registerPlatform, rotatePlatformKey, updatePlatform, type Platform } from './api.ts';
import { OnceSecret } from './OnceSecret.tsx';
import './locales.ts';

interface FormValues { id: string; name: string; orgUnitId: string; rows: { type: string; matter: string }[]; active: boolean }

export function PlatformsPage() {
  const { t, i18n } = useTranslation();
  const { message, modal } = App.useApp();
  const loaded = useApi((signal) => listPlatforms(signal), []);
  const grounds = useApi(async (signal) => {
    const [districts, towns] = await Promise.all([listUnits({ level: 'district' }, signal), listUnits({ level: 'town' }, signal)]);
    return { districts, towns };
  }, []);
  const [editing, setEditing] = useState<Platform | 'new' | null>(null);
  const [key, setKey] = useState<{ id: string; apiKey: string } | null>(null);

  const rotate = (p: Platform) => modal.confirm({
    title: t('partners.platforms.rotate'), content: t('partners.platforms.rotateConfirm'), okText: t('partners.platforms.rotateOk'),
    cancelText: t('partners.platforms.cancel'), okButtonProps: { danger: true },
    onOk: async () => {
      try {
        const r = await rotatePlatformKey(p.id, p.version);
        setKey({ id: p.id, apiKey: r.apiKey });
      } catch (e) {
        if (e instanceof ApiError && e.code === 'CONFLICT') message.warning(t('partners.platforms.conflict'));
        else message.error(errorText(e, i18n.language));
      } finally {
        loaded.reload();
      }
    },
  });

  const d = loaded.data;
  return (
    <div data-testid="platforms-page">
      <PageHeader
        title={t('partners.platforms.title')} subtitle={t('partners.platforms.subtitle')}
        extra={d?.policies.includes('create')
          ? <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="platform-add">{t('partners.platforms.add')}</Button>
          : null}
      />
      <div className="zz-page">
        {loaded.error ? <ErrorState error={loaded.error} onRetry={loaded.reload} /> : null}
        <Table<Platform>
          rowKey="id" size="middle" loading={loaded.loading} dataSource={d?.items ?? []} pagination={false} data-testid="platform-table"
          locale={{ emptyText: <Empty description={t('partners.platforms.empty')} /> }} scroll={{ x: 1000 }}
          columns={[
            { title: t('partners.platforms.col.name'), dataIndex: 'name', render: (v: string) => <strong>{v}</strong> },
            { title: t('partners.platforms.col.id'), dataIndex: 'id', width: 140, render: (v: string) => <span className="zz-code">{v}</span> },
            { title: t('partners.platforms.col.ground'), dataIndex: 'orgUnitName', width: 130 },
            {
              title: t('partners.platforms.col.mapping'), dataIndex: 'typeMatters',
              render: (v: Record<string, string>, p) => (Object.keys(v).length === 0
                ? <Typography.Text type="secondary">{t('partners.platforms.none')}</Typography.Text>
                : Object.entries(v).map(([ty, m]) => <Tag key={ty}><span className="zz-code">{ty}</span> → {p.matterNames[m] ?? <span className="zz-code">{m}</span>}</Tag>)),
            },
            {
              title: t('partners.platforms.col.active'), dataIndex: 'active', width: 90,
              render: (v: boolean) => <Badge status={v ? 'success' : 'default'} text={v ? t('partners.platforms.active') : t('partners.platforms.inactive')} />,
            },
            {
              title: t('partners.platforms.col.alerts'), dataIndex: 'alertCount', width: 170,
              render: (v: number, p) => <span>{v}{p.lastAlertAt ? <Typography.Text type="secondary">（{t('partners.platforms.lastAlert', { time: dayjs(p.lastAlertAt).format('MM-DD HH:mm') })}）</Typography.Text> : null}</span>,
            },
            {
              title: t('partners.platforms.col.actions'), key: 'actions', width: 170, fixed: 'right',
              render: (_: unknown, p) => (
                <Space size={0}>
                  {p.policies.includes('edit') ? <Button type="link" size="small" onClick={() => setEditing(p)}>{t('partners.platforms.edit')}</Button> : null}
                  {p.policies.includes('rotateKey') ? <Button type="link" size="small" danger onClick={() => rotate(p)} data-testid="platform-rotate">{t('partners.platforms.rotate')}</Button> : null}
                </Space>
              ),
            },
          ]}
        />
      </div>
      <PlatformForm
        editing={editing} grounds={grounds.data ?? { districts: [], towns: [] }}
        onClose={() => setEditing(null)}
        onSaved={(k) => { setEditing(null); loaded.reload(); if (k) setKey(k); else message.success(t('partners.platforms.saved')); }}
        onConflict={() => { setEditing(null); loaded.reload(); message.warning(t('partners.platforms.conflict')); }}
      />
      <OnceSecret
        open={key !== null} value={key?.apiKey ?? ''} testId="platform-key"
        title={t('partners.platforms.key.title')} body={t('partners.platforms.key.body')}
        extra={key ? <><code>X-Api-Key: …</code><br /><strong>{t('partners.platforms.key.example')}</strong><br /><code className="zz-code" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>{curlExample(key.id, key.apiKey)}</code></> : null}
        copyText={t('partners.platforms.key.copy')} copiedText={t('partners.platforms.key.copied')} doneText={t('partners.platforms.key.done')}
        onClose={() => setKey(null)}
      />
    </div>
  );
}

const curlExample = (id: string, apiKey: string) =>
  `curl -X POST ${location.origin}/api/alerts -H 'content-type: application/json' -H 'X-Api-Key: ${apiKey}' -d '{"platform":"${id}","type":"fire.smoke","level":"red","location":{"lng":106.55,"lat":29.56},"text":"…","externalId":"A-0001"}'`;

function PlatformForm({ editing, grounds, onClose, onSaved, onConflict }: {
  editing: Platform | 'new' | null; grounds: { districts: OrgUnit[]; towns: OrgUnit[] };
  onClose: () => void; onSaved: (key: { id: string; apiKey: string } | null) => void; onConflict: () => void;
}) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const [busy, setBusy] = useState(false);
  const existing = editing && editing !== 'new' ? editing : null;
  const groundId = Form.useWatch('orgUnitId', form) as string | undefined;
  // the matters offered: the catalog of the ground's town (a district's: its first town's)
  const matterTown = grounds.towns.find((x) => x.id === groundId) ?? grounds.towns.find((x) => x.parentId === groundId) ?? null;
  const matters = useApi(matterTown ? (signal) => listMatters(matterTown.id, false, signal) : null, [matterTown?.id]);
  useEffect(() => { if (editing === null) form.resetFields(); }, [editing, form]);

  const submit = async (v: FormValues) => {
    setBusy(true);
    const typeMatters = Object.fromEntries((v.rows ?? []).filter((r) => r?.type && r.matter).map((r) => [r.type.trim(), r.matter]));
    try {
      if (existing) {
        await updatePlatform(existing.id, { name: v.name, orgUnitId: v.orgUnitId, typeMatters, active: v.active, version: existing.version });
        onSaved(null);
      } else {
        const r = await registerPlatform({ id: v.id, name: v.name, orgUnitId: v.orgUnitId, typeMatters });
        onSaved({ id: r.platform.id, apiKey: r.apiKey });
      }
    } catch (e) {
      if (e instanceof ApiError && e.code === 'CONFLICT' && existing) onConflict();
      else message.error(errorText(e, i18n.language));
    } finally {
      setBusy(false);
    }
  };

  const groundOptions = [...grounds.districts, ...grounds.towns].map((u) => ({ value: u.id, label: u.name }));
  return (
    <Drawer
      open={editing !== null} width={600} destroyOnHidden onClose={onClose} data-testid="platform-form"
      title={existing ? t('partners.platforms.form.titleEdit') : t('partners.platforms.form.titleNew')}
      extra={(
        <Space>
          <Button onClick={onClose}>{t('partners.platforms.form.cancel')}</Button>
          <Button type="primary" loading={busy} onClick={() => form.submit()} data-testid="platform-save">{t('partners.platforms.form.save')}</Button>
        </Space>
      )}
    >
      <Form<FormValues>
        form={form} layout="vertical" onFinish={(v) => void submit(v)} preserve={false}
        initialValues={existing
          ? { id: existing.id, name: existing.name, orgUnitId: existing.orgUnitId, active: existing.active, rows: Object.entries(existing.typeMatters).map(([type, matter]) => ({ type, matter })) }
          : { active: true, rows: [{ type: '', matter: '' }] }}
      >
        <Form.Item
          name="id" label={t('partners.platforms.form.id')} extra={t('partners.platforms.form.idHint')}
          rules={[{ required: true, message: t('partners.platforms.form.required') }, { pattern: /^[a-z0-9][a-z0-9-]{1,39}$/, message: t('partners.platforms.form.idPattern') }]}
        >
          <Input disabled={!!existing} maxLength={40} className="zz-code" data-testid="platform-id" />
        </Form.Item>
        <Form.Item name="name" label={t('partners.platforms.form.name')} rules={[{ required: true, whitespace: true, message: t('partners.platforms.form.required') }]}>
          <Input maxLength={PARTNER_LIMITS.name} placeholder={t('partners.platforms.form.namePh')} data-testid="platform-name" />
        </Form.Item>
        <Form.Item name="orgUnitId" label={t('partners.platforms.form.ground')} extra={t('partners.platforms.form.groundHint')} rules={[{ required: true, message: t('partners.platforms.form.required') }]}>
          <Select options={groundOptions} showSearch optionFilterProp="label" data-testid="platform-ground" />
        </Form.Item>
        <Typography.Text strong>{t('partners.platforms.form.mapping')}</Typography.Text>
        <Form.List name="rows">
          {(fields, { add, remove }) => (
            <div style={{ marginTop: 8 }}>
              {fields.map((f) => (
                <Space key={f.key} align="baseline" style={{ display: 'flex' }}>
                  <Form.Item name={[f.name, 'type']} rules={[{ pattern: /^[A-Za-z0-9][A-Za-z0-9._-]*$/, message: t('partners.platforms.form.typePh') }]}>
                    <Input placeholder={t('partners.platforms.form.typePh')} maxLength={PARTNER_LIMITS.alertType} style={{ width: 180 }} data-testid="mapping-type" />
                  </Form.Item>
                  <Form.Item name={[f.name, 'matter']}>
                    <Select
                      style={{ width: 280 }} showSearch optionFilterProp="label" placeholder={t('partners.platforms.form.matter')} data-testid="mapping-matter"
                      loading={matters.loading}
                      options={(matters.data?.items ?? []).map((m) => ({ value: m.code, label: `${m.name}（${m.code}）` }))}
                    />
                  </Form.Item>
                  <Button type="text" icon={<DeleteOutlined />} onClick={() => remove(f.name)} aria-label={t('partners.platforms.form.cancel')} />
                </Space>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ type: '', matter: '' })}>{t('partners.platforms.form.addRow')}</Button>
            </div>
          )}
        </Form.List>
        {existing ? (
          <Form.Item name="active" label={t('partners.platforms.form.active')} valuePropName="checked" style={{ marginTop: 16 }}>
            <Switch />
          </Form.Item>
        ) : null}
      </Form>
    </Drawer>
  );
}
