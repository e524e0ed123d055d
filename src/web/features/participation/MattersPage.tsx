// 三事分流: the residents' matters of the caller's area, newest first, with the system's suggested class and its reasons;
// 分流 sends one to its path (公事 → a case, 共事 → a council's proposal, 家事 → neighbour help), 改分流 changes it with a
// reason while the earlier path is still open; each row links to where it went.
import { useEffect, useRef, useState } from 'react';
import { Alert, App, Button, Empty, Form, Input, Modal, Radio, Select, Space, Table, Tooltip, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { MATTER_CLASSES, MATTER_STATUSES, PARTICIPATION_LIMITS, type MatterClass, type MatterStatus } from '../../../shared/participation.ts';
import { errorText } from '../../lib/api.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { ErrorState } from '../../ui/ErrorState.tsx';
import { useCursorList } from '../../lib/useCursorList.ts';
import { CaseDrawer } from '../cases/public.ts';
import { createMatter, listMatters, newIdempotencyKey, type Matter, type MatterFilter, type ResidentHit } from './api.ts';
import { ClassDialog } from './ClassDialog.tsx';
import { ClassTag, HelpStatusTag, MatterStatusTag, PersonPicker, ProposalStatusTag, timeText } from './parts.tsx';
import './locales.ts';

export function MattersPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [filter, setFilter] = useState<MatterFilter>({});
  const [dialog, setDialog] = useState<{ matter: Matter; mode: 'class' | 'reclass' } | null>(null);
  const [caseId, setCaseId] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const { items, nextCursor, canCreate, loading, error, more, reload } = useCursorList(listMatters, filter);
  const set = (patch: Partial<MatterFilter>) => setFilter((f) => ({ ...f, ...patch }));

  const columns: TableColumnsType<Matter> = [
    {
      title: t('participation.matters.col.matter'), key: 'matter',
      render: (_: unknown, m) => (
        <Space orientation="vertical" size={0}>
          <Typography.Text strong data-testid="matter-title">{m.title}</Typography.Text>
          <Typography.Text type="secondary" ellipsis style={{ fontSize: 12, maxWidth: 380 }}>{m.description}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t(`participation.sources.${m.source}`)}{m.residentName ? ` · ${m.residentName}` : ''} · {m.gridName}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: t('participation.matters.col.suggested'), key: 'suggested', width: 200,
      render: (_: unknown, m) => (
        <Space orientation="vertical" size={2}>
          <ClassTag value={m.suggestedClass} />
          {m.suggestionReasons.length ? <Typography.Text type="secondary" style={{ fontSize: 12, maxWidth: 180 }} ellipsis={{ tooltip: true }}>{m.suggestionReasons.join('、')}</Typography.Text> : null}
        </Space>
      ),
    },
    {
      title: t('participation.matters.col.class'), key: 'class', width: 200,
      render: (_: unknown, m) => (m.class ? (
        <Space orientation="vertical" size={2}>
          <ClassTag value={m.class} />
          {m.classReason ? <Tooltip title={m.classReason}><Typography.Text type="secondary" ellipsis style={{ fontSize: 12, maxWidth: 180 }}>{m.classReason}</Typography.Text></Tooltip> : null}
        </Space>
      ) : <Typography.Text type="secondary">—</Typography.Text>),
    },
    {
      title: t('participation.matters.col.link'), key: 'link', width: 230,
      render: (_: unknown, m) => {
        const l = m.links;
        // where it went last: the link of its current class (a reclassed matter keeps the earlier one too)
        const to = m.class === 'public' && l.caseId ? 'case' : m.class === 'shared' && l.proposalId ? 'proposal' : m.class === 'private' && l.helpRequestId ? 'help'
          : l.caseId ? 'case' : l.proposalId ? 'proposal' : l.helpRequestId ? 'help' : null;
        if (to === 'case') return <Typography.Link onClick={() => setCaseId(l.caseId)} data-testid="matter-case-link"><span className="zz-code" style={{ whiteSpace: 'nowrap', fontSize: 12 }}>{l.caseNumber}</span></Typography.Link>;
        if (to === 'proposal') {
          return (
            <Space orientation="vertical" size={0}>
              <Typography.Link onClick={() => navigate(`/participation/councils?proposal=${l.proposalId}`)} data-testid="matter-proposal-link">{l.proposalTitle}</Typography.Link>
              <Space size={4}>{l.councilName ? <Typography.Text type="secondary" style={{ fontSize: 12 }}>{l.councilName}</Typography.Text> : null}{l.proposalStatus ? <ProposalStatusTag value={l.proposalStatus} /> : null}</Space>
            </Space>
          );
        }
        if (to === 'help') {
          return (
            <Space size={4}>
              <Typography.Link onClick={() => navigate('/participation/help')} data-testid="matter-help-link">{t('participation.matters.openHelp')}</Typography.Link>
              {l.helpStatus ? <HelpStatusTag value={l.helpStatus} /> : null}
            </Space>
          );
        }
        return <Typography.Text type="secondary">—</Typography.Text>;
      },
    },
    { title: t('participation.matters.col.status'), dataIndex: 'status', width: 90, render: (s: MatterStatus) => <MatterStatusTag value={s} /> },
    { title: t('participation.matters.col.created'), dataIndex: 'createdAt', width: 140, render: (v: string) => timeText(v) },
    {
      title: t('participation.matters.col.actions'), key: 'actions', width: 100,
      render: (_: unknown, m) => (
        <Space>
          {m.policies.includes('class') ? <Button type="primary" size="small" onClick={() => setDialog({ matter: m, mode: 'class' })} data-testid="matter-class">{t('participation.matters.classify')}</Button> : null}
          {m.policies.includes('reclass') ? <Button size="small" onClick={() => setDialog({ matter: m, mode: 'reclass' })} data-testid="matter-reclass">{t('participation.matters.reclassify')}</Button> : null}
        </Space>
      ),
    },
  ];

  return (
    <div className="zz-page" data-testid="matters-page">
      <PageHeader title={t('participation.matters.title')} subtitle={t('participation.matters.subtitle')}
        extra={canCreate ? <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="matter-create">{t('participation.matters.create')}</Button> : null} />
      <Space wrap style={{ marginBottom: 12 }}>
        <Select allowClear style={{ width: 140 }} placeholder={t('participation.matters.status')} value={filter.status} onChange={(v?: MatterStatus) => set({ status: v })}
          options={MATTER_STATUSES.map((x) => ({ value: x, label: t(`participation.matterStatus.${x}`) }))} data-testid="matter-filter-status" />
        <Select allowClear style={{ width: 140 }} placeholder={t('participation.matters.class')} value={filter.class} onChange={(v?: MatterClass) => set({ class: v })}
          options={MATTER_CLASSES.map((x) => ({ value: x, label: t(`participation.classes.${x}`) }))} data-testid="matter-filter-class" />
        <Button onClick={() => setFilter({})}>{t('participation.reset')}</Button>
      </Space>
      {error ? <ErrorState error={error} onRetry={reload} /> : (
        <Table<Matter>
          rowKey="id" size="middle" columns={columns} dataSource={items} loading={loading} pagination={false}
          onRow={(m) => ({ 'data-testid': 'matter-row', 'data-id': m.id } as React.HTMLAttributes<HTMLElement>)}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('participation.matters.empty')} /> }}
          footer={() => <Typography.Text type="secondary">{t('participation.count', { count: items.length })}</Typography.Text>}
        />
      )}
      {nextCursor ? <Button block style={{ marginTop: 8 }} onClick={more}>{t('participation.more')}</Button> : null}
      <ClassDialog matter={dialog?.matter ?? null} mode={dialog?.mode ?? 'class'} onClose={() => setDialog(null)}
        onDone={(m) => {
          setDialog(null);
          void message.success(t(dialog?.mode === 'reclass' ? 'participation.matters.reclassed' : 'participation.matters.classed', { class: t(`participation.classes.${m.class ?? 'shared'}`) }));
          reload();
        }} />
      <NewMatterDialog open={creating} onClose={() => setCreating(false)}
        onDone={(m) => { setCreating(false); void message.success(t('participation.matters.created', { class: t(`participation.classes.${m.suggestedClass}`) })); reload(); }} />
      {caseId ? <CaseDrawer caseId={caseId} onClose={() => setCaseId(null)} onChanged={reload} /> : null}
    </div>
  );
}

const STAFF_SOURCES = ['visit', 'hotline', 'gridWorker', 'meeting'] as const;

/** 登记诉求: staff record a matter a registry person raised on a visit, by phone or at a meeting; the system suggests its class. */
function NewMatterDialog({ open, onClose, onDone }: { open: boolean; onClose(): void; onDone(m: Matter): void }) {
  const { t, i18n } = useTranslation();
  const [form] = Form.useForm<{ source: (typeof STAFF_SOURCES)[number]; title: string; description: string }>();
  const key = useRef(newIdempotencyKey());
  const [person, setPerson] = useState<ResidentHit | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  useEffect(() => {
    if (!open) return;
    key.current = newIdempotencyKey();
    form.resetFields();
    form.setFieldsValue({ source: 'visit' });
    setPerson(null); setError(null);
  }, [open, form]);
  const M = 'participation.matters';
  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    if (!person) { setError(t(`${M}.residentRequired`)); return; }
    setSaving(true);
    setError(null);
    try {
      onDone(await createMatter({ title: v.title.trim(), description: v.description.trim(), source: v.source, residentId: person.id }, key.current));
    } catch (e) {
      setError(errorText(e, i18n.language));
    } finally {
      setSaving(false);
    }
  };
  const req = (field: string) => [{ required: true, whitespace: true, message: t('participation.required', { field }) }];
  return (
    <Modal open={open} title={t(`${M}.createTitle`)} onCancel={onClose} onOk={() => void submit()} confirmLoading={saving} width={560}
      okText={t('participation.ok')} cancelText={t('participation.cancel')} okButtonProps={{ 'data-testid': 'matter-submit' }}>
      <Form form={form} layout="vertical" onValuesChange={() => setError(null)}>
        <Form.Item label={t(`${M}.resident`)} required>
          <PersonPicker value={person} onChange={(p) => { setPerson(p); setError(null); }} placeholder={t(`${M}.residentPh`)} testId="matter-resident" />
        </Form.Item>
        <Form.Item name="source" label={t(`${M}.source`)}>
          <Radio.Group options={STAFF_SOURCES.map((x) => ({ value: x, label: t(`participation.sources.${x}`) }))} data-testid="matter-source" />
        </Form.Item>
        <Form.Item name="title" label={t(`${M}.titleLabel`)} rules={req(t(`${M}.titleLabel`))}>
          <Input maxLength={PARTICIPATION_LIMITS.title} placeholder={t(`${M}.titlePh`)} data-testid="matter-title-input" />
        </Form.Item>
        <Form.Item name="description" label={t(`${M}.descriptionLabel`)} rules={req(t(`${M}.descriptionLabel`))}>
          <Input.TextArea rows={4} maxLength={PARTICIPATION_LIMITS.body} showCount data-testid="matter-description" />
        </Form.Item>
      </Form>
      {error ? <Alert type="error" showIcon title={error} data-testid="matter-error" /> : null}
    </Modal>
  );
}
