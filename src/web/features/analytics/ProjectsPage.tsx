// 15分钟服务圈项目: the projects of the communities in the caller's area — status, owner, due day, how many of the cases
// each answers are closed — and a project's drawer: what it does, its linked cases (each opens in the case drawer), its
// steps, and 开始推进 / 完成销号 / 终止项目 / 修改 for the community's staff and the town's leaders.
import { useState } from 'react';
import { Alert, App, Button, Descriptions, Drawer, Empty, Form, Input, Modal, Segmented, Space, Spin, Table, Tag, Timeline, Typography } from 'antd';
import type { ButtonProps, TableColumnsType } from 'antd';
import { useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { CIRCLE_PROJECT_STATUSES, type CircleProjectStatus } from '../../../shared/analytics.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { ErrorState } from '../../ui/ErrorState.tsx';
import { useApi } from '../../lib/useApi.ts';
import { errorText } from '../../lib/api.ts';
import { dayText, timeText } from '../../lib/time-text.ts';
import { CaseDrawer } from '../cases/public.ts';
import { actOnProject, caseIdsByNumber, fetchProject, linkCases, listProjects, updateProject, type Project, type ProjectDetail } from './api.ts';
import { ProjectStatusTag } from './parts.tsx';
import './locales.ts';
import './analytics.css';

type Filter = CircleProjectStatus | 'all';

export function ProjectsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const [status, setStatus] = useState<Filter>('all');
  const list = useApi((signal) => listProjects({ status: status === 'all' ? undefined : status }, signal), [status]);
  const openId = params.get('open');
  const setOpen = (id: string | null) => setParams(id ? { open: id } : {}, { replace: true });
  const columns: TableColumnsType<Project> = [
    { title: t('analytics.projects.col.name'), dataIndex: 'name', render: (v: string) => <a data-testid="project-name-cell">{v}</a> },
    { title: t('analytics.projects.col.community'), dataIndex: 'communityName', width: 120 },
    { title: t('analytics.projects.col.category'), dataIndex: 'categoryName', width: 140, render: (v: string | null) => v ?? t('analytics.none') },
    { title: t('analytics.projects.col.owner'), dataIndex: 'ownerName', width: 100 },
    { title: t('analytics.projects.col.status'), dataIndex: 'status', width: 100, render: (s: CircleProjectStatus) => <ProjectStatusTag status={s} /> },
    { title: t('analytics.projects.col.due'), key: 'due', width: 130, render: (_, p) => <Space size={4}>{p.dueOn ?? t('analytics.none')}{p.overdue ? <Tag color="red">{t('analytics.projects.overdue')}</Tag> : null}</Space> },
    { title: t('analytics.projects.col.cases'), key: 'cases', width: 120, render: (_, p) => t('analytics.projects.casesOf', { closed: p.casesClosed, total: p.cases }) },
  ];
  return (
    <div className="zz-page" data-testid="projects-page">
      <PageHeader title={t('analytics.projects.title')} subtitle={t('analytics.projects.subtitle')} extra={
        <Segmented<Filter> value={status} onChange={setStatus} data-testid="project-filter"
          options={[{ value: 'all', label: t('analytics.projects.all') }, ...CIRCLE_PROJECT_STATUSES.map((s) => ({ value: s, label: t(`analytics.projects.statuses.${s}`) }))]} />
      } />
      {list.error ? <ErrorState error={list.error} onRetry={list.reload} /> : !list.data ? <Spin /> : !list.data.items.length ? (
        <Empty description={t('analytics.projects.empty')}>
          <Button onClick={() => navigate('/analytics/hotspots')}>{t('analytics.projects.toHotspots')}</Button>
        </Empty>
      ) : (
        <Table<Project> rowKey="id" size="middle" columns={columns} dataSource={list.data.items} pagination={false} data-testid="project-table"
          onRow={(p) => ({ onClick: () => setOpen(p.id), style: { cursor: 'pointer' } })} />
      )}
      <ProjectDrawer id={openId} onClose={() => setOpen(null)} onChanged={list.reload} />
    </div>
  );
}

type Act = 'start' | 'finish' | 'drop';

function ProjectDrawer({ id, onClose, onChanged }: { id: string | null; onClose(): void; onChanged(): void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const detail = useApi(id ? (signal) => fetchProject(id, signal) : null, [id]);
  const [caseId, setCaseId] = useState<string | null>(null);
  const [noting, setNoting] = useState<Act | null>(null);
  const [editing, setEditing] = useState(false);
  const [linking, setLinking] = useState(false);
  const p = detail.data;
  const act = async (action: Act, note?: string) => {
    if (!p) return;
    try {
      await actOnProject(p.id, action, { version: p.version, note });
      message.success(t('analytics.projects.done'));
      setNoting(null); detail.reload(); onChanged();
    } catch (e) { message.error(errorText(e, i18n.language)); }
  };
  return (
    <Drawer open={!!id} onClose={onClose} size={860} title={p?.name ?? t('analytics.projects.detail')} destroyOnHidden data-testid="project-drawer"
      extra={p ? (
        <Space>
          {p.policies.includes('update') ? <Button onClick={() => setEditing(true)} data-testid="project-edit">{t('analytics.projects.actions.update')}</Button> : null}
          {p.policies.includes('linkCases') ? <Button onClick={() => setLinking(true)} data-testid="project-link">{t('analytics.projects.actions.linkCases')}</Button> : null}
          {p.policies.includes('start') ? <Button type="primary" onClick={() => act('start')} data-testid="project-start">{t('analytics.projects.actions.start')}</Button> : null}
          {p.policies.includes('finish') ? <Button type="primary" onClick={() => setNoting('finish')} data-testid="project-finish">{t('analytics.projects.actions.finish')}</Button> : null}
          {p.policies.includes('drop') ? <Button danger onClick={() => setNoting('drop')} data-testid="project-drop">{t('analytics.projects.actions.drop')}</Button> : null}
        </Space>
      ) : null}>
      {detail.error ? <ErrorState error={detail.error} onRetry={detail.reload} /> : !p ? <Spin /> : (
        <>
          <Descriptions size="small" column={2} bordered items={[
            { key: 'status', label: t('analytics.projects.col.status'), children: <ProjectStatusTag status={p.status} /> },
            { key: 'community', label: t('analytics.projects.col.community'), children: p.communityName },
            { key: 'category', label: t('analytics.projects.col.category'), children: p.categoryName ?? t('analytics.none') },
            { key: 'owner', label: t('analytics.projects.owner'), children: p.ownerName },
            { key: 'due', label: t('analytics.projects.due'), children: <Space size={4}>{p.dueOn ?? t('analytics.none')}{p.overdue ? <Tag color="red">{t('analytics.projects.overdue')}</Tag> : null}</Space> },
            { key: 'created', label: t('analytics.projects.created'), children: dayText(p.createdAt) },
            ...(p.spanFrom ? [{ key: 'span', label: t('analytics.projects.span'), children: `${p.spanFrom} ~ ${p.spanTo}`, span: 2 }] : []),
            { key: 'description', label: t('analytics.projects.description'), children: p.description || t('analytics.projects.noDescription'), span: 2 },
            ...(p.result ? [{ key: 'result', label: t('analytics.projects.result'), children: <span data-testid="project-result">{p.result}</span>, span: 2 }] : []),
          ]} />
          <Typography.Title level={5} style={{ marginTop: 20 }}>{t('analytics.projects.linked', { count: p.caseList.length })}</Typography.Title>
          <LinkedCases p={p} onOpen={setCaseId} />
          <Typography.Title level={5} style={{ marginTop: 20 }}>{t('analytics.projects.events')}</Typography.Title>
          <Timeline items={p.events.map((e) => ({
            color: e.toStatus === 'done' ? 'green' : e.toStatus === 'dropped' ? 'gray' : 'blue',
            children: <div data-testid="project-event"><b>{t(`analytics.projects.eventNames.${e.action}`)}</b> · {e.actorName} · {timeText(e.at)}{e.note ? <div><Typography.Text type="secondary">{e.note}</Typography.Text></div> : null}</div>,
          }))} />
        </>
      )}
      {noting && p ? <NoteDialog action={noting} onClose={() => setNoting(null)} onSave={(note) => act(noting, note)} /> : null}
      {editing && p ? <EditDialog p={p} onClose={() => setEditing(false)} onDone={() => { setEditing(false); detail.reload(); onChanged(); }} /> : null}
      {linking && p ? <LinkDialog p={p} onClose={() => setLinking(false)} onDone={() => { setLinking(false); detail.reload(); onChanged(); }} /> : null}
      {caseId ? <CaseDrawer caseId={caseId} onClose={() => setCaseId(null)} /> : null}
    </Drawer>
  );
}

function LinkedCases({ p, onOpen }: { p: ProjectDetail; onOpen(id: string): void }) {
  const { t } = useTranslation();
  type Row = ProjectDetail['caseList'][number];
  const columns: TableColumnsType<Row> = [
    { title: t('analytics.projects.caseCol.number'), dataIndex: 'number', render: (v: string, c) => <a onClick={() => onOpen(c.id)} data-testid="linked-case">{v}</a> },
    { title: t('analytics.projects.caseCol.category'), dataIndex: 'categoryName' },
    { title: t('analytics.projects.caseCol.status'), dataIndex: 'status', width: 90, render: (s: string) => t(`analytics.caseStatuses.${s}`, { defaultValue: s }) },
    { title: t('analytics.projects.caseCol.grid'), dataIndex: 'gridName' },
    { title: t('analytics.projects.caseCol.createdAt'), dataIndex: 'createdAt', width: 110, render: (v: string) => dayText(v) },
  ];
  if (!p.caseList.length) return <Alert type="info" showIcon message={t('analytics.projects.noCases')} />;
  return <Table<Row> rowKey="id" size="small" columns={columns} dataSource={p.caseList} pagination={{ pageSize: 10, hideOnSinglePage: true }} data-testid="linked-cases" />;
}

function NoteDialog({ action, onClose, onSave }: { action: 'start' | 'finish' | 'drop'; onClose(): void; onSave(note: string): Promise<void> }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ note: string }>();
  const [busy, setBusy] = useState(false);
  const label = action === 'drop' ? t('analytics.projects.dropNote') : t('analytics.projects.finishNote');
  return (
    <Modal open title={t(`analytics.projects.actions.${action}`)} onCancel={onClose} okText={t('analytics.ok')} cancelText={t('analytics.cancel')}
      okButtonProps={{ loading: busy, 'data-testid': 'note-ok' } as ButtonProps}
      onOk={async () => { const v = await form.validateFields(); setBusy(true); try { await onSave(v.note.trim()); } finally { setBusy(false); } }}>
      <Form form={form} layout="vertical">
        <Form.Item name="note" label={label} rules={[{ required: action === 'drop', whitespace: true, message: t('analytics.projects.noteNeeded', { field: label }) }]}>
          <Input.TextArea rows={3} maxLength={500} placeholder={action === 'drop' ? t('analytics.projects.dropPh') : t('analytics.projects.finishPh')} data-testid="note-input" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function EditDialog({ p, onClose, onDone }: { p: ProjectDetail; onClose(): void; onDone(): void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ name: string; description: string; dueOn: string }>();
  const [busy, setBusy] = useState(false);
  const save = async () => {
    const v = await form.validateFields();
    setBusy(true);
    try {
      await updateProject(p.id, { version: p.version, name: v.name.trim(), description: v.description ?? '', dueOn: v.dueOn?.trim() ? v.dueOn.trim() : null });
      message.success(t('analytics.projects.done'));
      onDone();
    } catch (e) { message.error(errorText(e, i18n.language)); }
    finally { setBusy(false); }
  };
  return (
    <Modal open title={t('analytics.projects.editTitle')} onCancel={onClose} onOk={save} okText={t('analytics.ok')} cancelText={t('analytics.cancel')} okButtonProps={{ loading: busy }}>
      <Form form={form} layout="vertical" initialValues={{ name: p.name, description: p.description, dueOn: p.dueOn ?? '' }}>
        <Form.Item name="name" label={t('analytics.form.name')} rules={[{ required: true, whitespace: true, message: t('analytics.form.nameNeeded') }]}><Input maxLength={60} /></Form.Item>
        <Form.Item name="description" label={t('analytics.form.description')}><Input.TextArea rows={3} maxLength={2000} /></Form.Item>
        <Form.Item name="dueOn" label={t('analytics.form.due')}><Input placeholder="2026-12-31" maxLength={10} /></Form.Item>
      </Form>
    </Modal>
  );
}

function LinkDialog({ p, onClose, onDone }: { p: ProjectDetail; onClose(): void; onDone(): void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ numbers: string }>();
  const [busy, setBusy] = useState(false);
  const save = async () => {
    const v = await form.validateFields();
    const numbers = [...new Set(v.numbers.split(/[\s,，、]+/).map((x) => x.trim()).filter(Boolean))];
    if (!numbers.length) return;
    setBusy(true);
    try {
      const found = await caseIdsByNumber(numbers);
      if (found.unknown.length) { message.error(t('analytics.projects.caseUnknown', { numbers: found.unknown.join('、') })); return; }
      await linkCases(p.id, found.ids);
      message.success(t('analytics.projects.linkedOk'));
      onDone();
    } catch (e) { message.error(errorText(e, i18n.language)); }
    finally { setBusy(false); }
  };
  return (
    <Modal open title={t('analytics.projects.actions.linkCases')} onCancel={onClose} onOk={save} okText={t('analytics.ok')} cancelText={t('analytics.cancel')} okButtonProps={{ loading: busy }}>
      <Form form={form} layout="vertical">
        <Form.Item name="numbers" label={t('analytics.projects.caseNumbers')} rules={[{ required: true, whitespace: true, message: t('analytics.projects.noteNeeded', { field: t('analytics.projects.caseNumbers') }) }]}>
          <Input.TextArea rows={4} placeholder={t('analytics.projects.caseNumbersPh')} data-testid="link-numbers" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
