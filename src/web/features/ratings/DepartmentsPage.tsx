// 反向评价: a town's leader or dispatcher rates each district department it sent cases to in the month (响应及时, 办理质量,
// 沟通配合, 1–5, and a comment); a department account reads the towns' reviews of its own work, never who wrote them.
import { useMemo, useState } from 'react';
import { App, Button, Empty, Form, Input, Modal, Rate, Select, Space, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { EVALUATION_CRITERIA } from '../../../shared/ratings.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { ErrorState } from '../../ui/ErrorState.tsx';
import { useApi } from '../../lib/useApi.ts';
import { errorText } from '../../lib/api.ts';
import { evaluateDepartment, fetchDepartments, type DepartmentRow } from './api.ts';
import { periodChoices, periodLabel } from './parts.tsx';
import './locales.ts';

export function DepartmentsPage() {
  const { t, i18n } = useTranslation();
  const choices = useMemo(() => periodChoices('month', new Date()), []);
  const [period, setPeriod] = useState(choices[0]!);
  const list = useApi((signal) => fetchDepartments(period, signal), [period]);
  const [editing, setEditing] = useState<DepartmentRow | null>(null);
  const mine = list.data?.view === 'department';
  const score = (c: (typeof EVALUATION_CRITERIA)[number]) => (_: unknown, r: DepartmentRow) => (r.evaluation ? <Rate disabled value={r.evaluation.scores[c]} style={{ fontSize: 13 }} /> : '—');
  const columns: TableColumnsType<DepartmentRow> = [
    mine ? { title: t('ratings.departments.col.town'), dataIndex: 'townName' } : { title: t('ratings.departments.col.department'), dataIndex: 'departmentName' },
    { title: t('ratings.departments.col.cases'), dataIndex: 'casesCount', align: 'right' },
    ...EVALUATION_CRITERIA.map((c) => ({ title: t(`ratings.departments.col.${c}`), key: c, render: score(c) })),
    { title: t('ratings.departments.col.mean'), key: 'mean', align: 'right', render: (_, r) => (r.evaluation ? <strong>{r.evaluation.mean}</strong> : <Typography.Text type="secondary">{t('ratings.departments.notYet')}</Typography.Text>) },
    { title: t('ratings.departments.col.comment'), key: 'comment', render: (_, r) => r.evaluation?.comment || '—' },
    ...(mine ? [] : [
      { title: t('ratings.departments.col.by'), key: 'by', render: (_: unknown, r: DepartmentRow) => r.evaluation?.byName ?? '—' },
      { title: t('ratings.departments.col.actions'), key: 'actions', render: (_: unknown, r: DepartmentRow) => (r.policies.includes('evaluate')
        ? <Button size="small" type="link" onClick={() => setEditing(r)} data-testid="department-evaluate">{r.evaluation ? t('ratings.departments.reevaluate') : t('ratings.departments.evaluate')}</Button> : null) },
    ] as TableColumnsType<DepartmentRow>),
  ];
  return (
    <div data-testid="departments-page">
      <PageHeader title={mine ? t('ratings.departments.mineTitle') : t('ratings.departments.title')} subtitle={mine ? t('ratings.departments.mineSubtitle') : t('ratings.departments.subtitle')} />
      <Space style={{ marginBottom: 12 }} wrap>
        <span>{t('ratings.period')}</span>
        <Select style={{ width: 160 }} value={period} onChange={setPeriod} options={choices.map((p) => ({ value: p, label: periodLabel(p, i18n.language) }))} data-testid="departments-period" />
        {mine && list.data?.summary?.count ? <Typography.Text type="secondary">{t('ratings.departments.summary', { count: list.data.summary.count, mean: list.data.summary.mean })}</Typography.Text> : null}
      </Space>
      {list.error ? <ErrorState error={list.error} onRetry={list.reload} /> : (
        <Table<DepartmentRow> rowKey={(r) => `${r.townId}:${r.departmentId}`} loading={list.loading} columns={columns} dataSource={list.data?.items ?? []} pagination={false}
          locale={{ emptyText: <Empty description={mine ? t('ratings.departments.emptyMine') : t('ratings.departments.empty')} /> }} data-testid="departments-table" />
      )}
      {editing ? <EvaluateModal row={editing} period={period} onClose={() => setEditing(null)} onDone={list.reload} /> : null}
    </div>
  );
}

function EvaluateModal({ row, period, onClose, onDone }: { row: DepartmentRow; period: string; onClose: () => void; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Record<string, number> & { comment: string }>();
  const [saving, setSaving] = useState(false);
  const submit = async () => {
    const v = await form.validateFields();
    setSaving(true);
    try {
      await evaluateDepartment({ period, departmentId: row.departmentId, comment: v.comment ?? '', scores: Object.fromEntries(EVALUATION_CRITERIA.map((c) => [c, v[c]!])) });
      message.success(t('ratings.departments.saved'));
      onClose();
      onDone();
    } catch (e) {
      message.error(errorText(e, i18n.language));
    } finally {
      setSaving(false);
    }
  };
  const initial = { ...(row.evaluation?.scores ?? { timeliness: 5, quality: 5, cooperation: 5 }), comment: row.evaluation?.comment ?? '' };
  return (
    <Modal open title={t('ratings.departments.formTitle', { name: row.departmentName })} onCancel={onClose} onOk={() => void submit()} confirmLoading={saving}
      okText={t('ratings.ok')} cancelText={t('ratings.cancel')} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={initial}>
        {EVALUATION_CRITERIA.map((c) => (
          <Form.Item key={c} name={c} label={t(`ratings.departments.col.${c}`)} rules={[{ required: true }]}>
            <Rate allowClear={false} />
          </Form.Item>
        ))}
        <Form.Item name="comment" label={t('ratings.departments.comment')}>
          <Input.TextArea rows={3} maxLength={500} showCount placeholder={t('ratings.departments.commentPh')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
