// 纠纷类别 (admin): the city's dispute classes and their subclasses; a class renamed, a subclass added or retired, a new
// class. Subclass codes are <class>-<nn>, numbered by the server for a new one.
import { useState } from 'react';
import { Alert, App, Button, Card, Checkbox, Form, Input, Modal, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { ErrorState } from '../../ui/ErrorState.tsx';
import { useApi } from '../../lib/useApi.ts';
import { errorText } from '../../lib/api.ts';
import { createClass, listClasses, saveClass, type DisputeClass } from './api.ts';
import './locales.ts';

interface Draft { code: string; isNew: boolean; name: string; retired: boolean; subclasses: { code?: string; name: string; retired: boolean }[] }

export function ClassCatalogPage() {
  const { t } = useTranslation();
  const classes = useApi((signal) => listClasses(true, signal), []);
  const [draft, setDraft] = useState<Draft | null>(null);
  const columns: TableColumnsType<DisputeClass> = [
    { title: t('disputes.classes.code'), dataIndex: 'code', width: 80, render: (v: string) => <span className="zz-code">{v}</span> },
    { title: t('disputes.classes.name'), dataIndex: 'name', width: 220, render: (v: string, c) => <Space>{v}{c.retired ? <Tag>{t('disputes.classes.retired')}</Tag> : null}</Space> },
    {
      title: t('disputes.classes.subclasses'), key: 'subs',
      render: (_: unknown, c) => <Space wrap size={4}>{c.subclasses.map((x) => <Tag key={x.code} color={x.retired ? 'default' : 'blue'} style={x.retired ? { textDecoration: 'line-through' } : undefined}>{x.name}</Tag>)}</Space>,
    },
    {
      title: '', key: 'act', width: 90,
      render: (_: unknown, c) => (c.policies.includes('update') ? (
        <Button size="small" icon={<EditOutlined />} onClick={() => setDraft({ code: c.code, isNew: false, name: c.name, retired: c.retired, subclasses: c.subclasses.map((x) => ({ ...x })) })} data-testid="class-edit">{t('disputes.classes.edit')}</Button>
      ) : null),
    },
  ];
  return (
    <div className="zz-page" data-testid="dispute-classes-page">
      <PageHeader title={t('disputes.classes.title')} subtitle={t('disputes.classes.subtitle')}
        extra={classes.data?.policies.includes('create') ? <Button type="primary" icon={<PlusOutlined />} onClick={() => setDraft({ code: '', isNew: true, name: '', retired: false, subclasses: [] })} data-testid="class-create">{t('disputes.classes.create')}</Button> : null} />
      {classes.error ? <ErrorState error={classes.error} onRetry={classes.reload} /> : (
        <Card size="small"><Table<DisputeClass> rowKey="code" size="small" columns={columns} dataSource={classes.data?.items ?? []} loading={classes.loading} pagination={false} data-testid="class-table" /></Card>
      )}
      <ClassDialog draft={draft} onClose={() => setDraft(null)} onSaved={() => { setDraft(null); classes.reload(); }} />
    </div>
  );
}

function ClassDialog({ draft, onClose, onSaved }: { draft: Draft | null; onClose(): void; onSaved(): void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [d, setD] = useState<Draft | null>(draft);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  if (draft !== null && d === null) setD(draft);
  if (draft === null && d !== null) { setD(null); setError(null); }
  const save = async () => {
    if (!d) return;
    setSaving(true);
    try {
      const body = { name: d.name.trim(), retired: d.retired, subclasses: d.subclasses.filter((x) => x.name.trim()).map((x) => ({ ...(x.code ? { code: x.code } : {}), name: x.name.trim(), retired: x.retired })) };
      if (d.isNew) await createClass({ code: d.code.trim(), ...body });
      else await saveClass(d.code, body);
      message.success(t('disputes.classes.saved'));
      onSaved();
    } catch (e) {
      setError(errorText(e, i18n.language));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal open={!!draft} onCancel={onClose} destroyOnHidden width={620} title={d?.isNew ? t('disputes.classes.create') : d?.name} onOk={() => void save()} confirmLoading={saving}
      okText={t('disputes.classes.save')} cancelText={t('disputes.actions.cancel')}>
      {d ? (
        <Form layout="vertical" component="div">
          <Space>
            <Form.Item label={t('disputes.classes.code')} required><Input value={d.code} disabled={!d.isNew} maxLength={20} style={{ width: 100 }} onChange={(e) => setD({ ...d, code: e.target.value })} /></Form.Item>
            <Form.Item label={t('disputes.classes.name')} required><Input value={d.name} maxLength={40} style={{ width: 280 }} onChange={(e) => setD({ ...d, name: e.target.value })} /></Form.Item>
            <Form.Item label=" " colon={false}><Checkbox checked={d.retired} onChange={(e) => setD({ ...d, retired: e.target.checked })}>{t('disputes.classes.retire')}</Checkbox></Form.Item>
          </Space>
          <Form.Item label={t('disputes.classes.subclasses')}>
            <Space orientation="vertical" style={{ width: '100%' }}>
              {d.subclasses.map((x, i) => (
                <Space key={x.code ?? `new${i}`}>
                  <Typography.Text type="secondary" className="zz-code" style={{ width: 60, display: 'inline-block' }}>{x.code ?? ''}</Typography.Text>
                  <Input value={x.name} maxLength={40} style={{ width: 300 }} data-testid="class-subclass-name" onChange={(e) => setD({ ...d, subclasses: d.subclasses.map((y, j) => (j === i ? { ...y, name: e.target.value } : y)) })} />
                  <Checkbox checked={x.retired} onChange={(e) => setD({ ...d, subclasses: d.subclasses.map((y, j) => (j === i ? { ...y, retired: e.target.checked } : y)) })}>{t('disputes.classes.retire')}</Checkbox>
                  {!x.code ? <Button type="text" icon={<DeleteOutlined />} onClick={() => setD({ ...d, subclasses: d.subclasses.filter((_, j) => j !== i) })} /> : null}
                </Space>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => setD({ ...d, subclasses: [...d.subclasses, { name: '', retired: false }] })}>{t('disputes.classes.addSubclass')}</Button>
            </Space>
          </Form.Item>
          {error ? <Alert type="error" showIcon title={error} /> : null}
        </Form>
      ) : null}
    </Modal>
  );
}
