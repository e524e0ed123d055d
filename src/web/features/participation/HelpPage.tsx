// 邻里互助: the neighbour-help requests of the caller's area (家事 from 三事分流, or asked for directly), by status; 认领
// names the neighbour (a registry person) and/or the volunteer team who helps, 完成 records what was done (the helper
// earns points by the community's rules), 取消 with a reason.
import { useEffect, useState } from 'react';
import { Alert, App, Button, Empty, Form, Modal, Select, Space, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { HELP_STATUSES, type HelpStatus } from '../../../shared/volunteers.ts';
import { PARTICIPATION_LIMITS } from '../../../shared/participation.ts';
import { errorText } from '../../lib/api.ts';
import { useApi } from '../../lib/useApi.ts';
import { useCursorList } from '../../lib/useCursorList.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { ErrorState } from '../../ui/ErrorState.tsx';
import { helpAction, listHelp, listTeams, type HelpFilter, type HelpRequest, type ResidentHit } from './api.ts';
import { FieldsDialog, HelpStatusTag, PersonPicker, timeText } from './parts.tsx';
import './locales.ts';

export function HelpPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [filter, setFilter] = useState<HelpFilter>({});
  const [dialog, setDialog] = useState<{ help: HelpRequest; kind: 'take' | 'done' | 'cancel' } | null>(null);
  const { items, nextCursor, loading, error, more, reload } = useCursorList(listHelp, filter);
  const H = 'participation.help';

  const columns: TableColumnsType<HelpRequest> = [
    {
      title: t(`${H}.col.request`), key: 'request',
      render: (_: unknown, h) => (
        <Space orientation="vertical" size={0}>
          <Typography.Text strong data-testid="help-title">{h.title}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>{h.description}</Typography.Text>
          {h.doneNote ? <Typography.Text style={{ fontSize: 12 }}>{t(h.status === 'cancelled' ? `${H}.cancelReason` : `${H}.doneNote`)}：{h.doneNote}</Typography.Text> : null}
        </Space>
      ),
    },
    { title: t(`${H}.col.requester`), key: 'requester', width: 150, render: (_: unknown, h) => <Space orientation="vertical" size={0}><span>{h.requesterName ?? '—'}</span><Typography.Text type="secondary" style={{ fontSize: 12 }}>{h.gridName}</Typography.Text></Space> },
    {
      title: t(`${H}.col.helper`), key: 'helper', width: 180,
      render: (_: unknown, h) => (
        <Space orientation="vertical" size={0}>
          <span>{[h.helperName, h.helperTeamName].filter(Boolean).join(' · ') || '—'}</span>
          {h.pointsAwarded ? <Typography.Text type="success" style={{ fontSize: 12 }}>{t(`${H}.points`, { points: h.pointsAwarded })}</Typography.Text> : null}
        </Space>
      ),
    },
    { title: t(`${H}.col.status`), dataIndex: 'status', width: 90, render: (s: HelpStatus) => <HelpStatusTag value={s} /> },
    { title: t(`${H}.col.created`), dataIndex: 'createdAt', width: 140, render: (v: string) => timeText(v) },
    {
      title: t(`${H}.col.actions`), key: 'actions', width: 170,
      render: (_: unknown, h) => (
        <Space>
          {h.policies.includes('take') ? <Button size="small" type="primary" onClick={() => setDialog({ help: h, kind: 'take' })} data-testid="help-take">{t(`${H}.take`)}</Button> : null}
          {h.policies.includes('done') ? <Button size="small" type="primary" onClick={() => setDialog({ help: h, kind: 'done' })} data-testid="help-done">{t(`${H}.done`)}</Button> : null}
          {h.policies.includes('cancel') ? <Button size="small" danger onClick={() => setDialog({ help: h, kind: 'cancel' })} data-testid="help-cancel">{t(`${H}.cancelAction`)}</Button> : null}
        </Space>
      ),
    },
  ];

  const done = (text: string) => { setDialog(null); void message.success(text); reload(); };
  const L = PARTICIPATION_LIMITS;
  return (
    <div className="zz-page" data-testid="help-page">
      <PageHeader title={t(`${H}.title`)} subtitle={t(`${H}.subtitle`)} />
      <Space wrap style={{ marginBottom: 12 }}>
        <Select allowClear style={{ width: 130 }} placeholder={t(`${H}.status`)} value={filter.status} onChange={(v?: HelpStatus) => setFilter({ status: v })}
          options={HELP_STATUSES.map((x) => ({ value: x, label: t(`participation.helpStatus.${x}`) }))} data-testid="help-filter-status" />
      </Space>
      {error ? <ErrorState error={error} onRetry={reload} /> : (
        <Table<HelpRequest> rowKey="id" size="middle" columns={columns} dataSource={items} loading={loading} pagination={false}
          onRow={(h) => ({ 'data-testid': 'help-row', 'data-id': h.id } as React.HTMLAttributes<HTMLElement>)}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t(`${H}.empty`)} /> }}
          footer={() => <Typography.Text type="secondary">{t('participation.count', { count: items.length })}</Typography.Text>} />
      )}
      {nextCursor ? <Button block style={{ marginTop: 8 }} onClick={more}>{t('participation.more')}</Button> : null}
      <TakeDialog help={dialog?.kind === 'take' ? dialog.help : null} onClose={() => setDialog(null)} onDone={() => done(t(`${H}.taken`))} />
      {dialog?.kind === 'done' ? (
        <FieldsDialog open title={t(`${H}.doneTitle`, { title: dialog.help.title })} testId="help-done-dialog"
          fields={[{ name: 'note', label: t(`${H}.doneNote`), kind: 'textarea', required: true, max: L.reason, placeholder: t(`${H}.doneNotePh`) }]}
          send={(v) => helpAction(dialog.help.id, 'done', { note: v.note })} onClose={() => setDialog(null)} onDone={() => done(t(`${H}.finished`))} />
      ) : null}
      {dialog?.kind === 'cancel' ? (
        <FieldsDialog open title={t(`${H}.cancelTitle`, { title: dialog.help.title })} testId="help-cancel-dialog"
          fields={[{ name: 'reason', label: t('participation.reason'), kind: 'textarea', required: true, max: L.reason, placeholder: t(`${H}.cancelReasonPh`) }]}
          send={(v) => helpAction(dialog.help.id, 'cancel', { reason: v.reason })} onClose={() => setDialog(null)} onDone={() => done(t(`${H}.cancelled`))} />
      ) : null}
    </div>
  );
}

/** 认领: a neighbour of the registry and/or one of the community's volunteer teams. */
function TakeDialog({ help, onClose, onDone }: { help: HelpRequest | null; onClose(): void; onDone(): void }) {
  const { t, i18n } = useTranslation();
  const [person, setPerson] = useState<ResidentHit | null>(null);
  const [teamId, setTeamId] = useState<string | undefined>();
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  // the volunteer teams the caller reads (the volunteers capability); none when it answers nothing
  const teams = useApi(help ? (signal) => listTeams(signal).catch(() => ({ items: [] })) : null, [help?.id]);
  useEffect(() => { setPerson(null); setTeamId(undefined); setError(null); }, [help]);
  if (!help) return null;
  const H = 'participation.help';
  const submit = async () => {
    if (!person && !teamId) { setError(t(`${H}.helperRequired`)); return; }
    setSaving(true);
    setError(null);
    try {
      await helpAction(help.id, 'take', { helperResidentId: person?.id ?? null, helperTeamId: teamId ?? null });
      onDone();
    } catch (e) {
      setError(errorText(e, i18n.language));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal open title={t(`${H}.takeTitle`, { title: help.title })} onCancel={onClose} onOk={() => void submit()} confirmLoading={saving}
      okText={t('participation.ok')} cancelText={t('participation.cancel')} okButtonProps={{ 'data-testid': 'take-ok' }} data-testid="help-take-dialog">
      <Typography.Paragraph type="secondary">{help.description}</Typography.Paragraph>
      <Form layout="vertical">
        <Form.Item label={t(`${H}.helper`)}><PersonPicker value={person} onChange={setPerson} placeholder={t(`${H}.helperPh`)} testId="take-person" /></Form.Item>
        <Form.Item label={t(`${H}.team`)}>
          <Select allowClear value={teamId} onChange={(v?: string) => setTeamId(v)} placeholder={t(`${H}.teamPh`)} loading={teams.loading} data-testid="take-team"
            options={(teams.data?.items ?? []).map((x) => ({ value: x.id, label: x.name }))} />
        </Form.Item>
      </Form>
      {error ? <Alert type="error" showIcon title={error} data-testid="take-error" /> : null}
    </Modal>
  );
}
