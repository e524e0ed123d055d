// 交办临时任务 (the "+1"): a grid, then one of the grid's workers (team members with an account), a title, details,
// the start and due days; sent once with an Idempotency-Key made when the form opens.
import { useEffect, useMemo, useState } from 'react';
import { Alert, App, DatePicker, Form, Input, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../../lib/api.ts';
import { useApi } from '../../../lib/useApi.ts';
import { TASK_LIMITS } from '../../../../shared/tasks.ts';
import { fetchTeam } from '../../org/api.ts';
import { assignTask } from '../oversight-api.ts';
import { newIdempotencyKey } from '../../cases/api.ts';

interface Values { gridId?: string; assigneeId?: string; title?: string; detail?: string; startsOn?: Dayjs; dueOn?: Dayjs }

export function AssignTaskModal({ open, grids, onClose, onDone }: {
  open: boolean; grids: { id: string; name: string }[]; onClose(): void; onDone(): void;
}) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const gridId = Form.useWatch('gridId', form);
  const team = useApi(open && gridId ? (signal) => fetchTeam(gridId, signal) : null, [open, gridId]);
  const workers = useMemo(() => (team.data?.members ?? []).filter((m) => m.accountId), [team.data]);
  const key = useMemo(() => newIdempotencyKey(), [open]);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => { if (open) { form.resetFields(); setError(null); } }, [open, form]);

  const submit = async () => {
    const v = await form.validateFields();
    setSaving(true);
    setError(null);
    try {
      const task = await assignTask({
        orgUnitId: v.gridId!, assigneeId: v.assigneeId!, title: v.title!.trim(), ...(v.detail?.trim() ? { detail: v.detail.trim() } : {}),
        startsOn: (v.startsOn ?? dayjs()).format('YYYY-MM-DD'), dueOn: v.dueOn!.format('YYYY-MM-DD'),
      }, key);
      message.success(t('oversight.list.assigned', { name: task.assignee?.name ?? workers.find((w) => w.accountId === v.assigneeId)?.name ?? '' }));
      onDone();
    } catch (e) {
      setError(e);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open} title={t('oversight.list.assignTitle')} onCancel={onClose} onOk={() => void submit()} confirmLoading={saving} destroyOnHidden
      okText={t('oversight.common.save')} cancelText={t('oversight.common.cancel')} width={560} data-testid="assign-modal"
    >
      <Alert type="info" showIcon title={t('oversight.list.assignHint')} style={{ marginBottom: 16 }} />
      {error ? <Alert type="error" showIcon title={errorText(error, i18n.language)} style={{ marginBottom: 16 }} data-testid="assign-error" /> : null}
      <Form form={form} layout="vertical" initialValues={{ startsOn: dayjs() }}>
        <Form.Item name="gridId" label={t('oversight.common.grid')} rules={[{ required: true, message: t('oversight.common.choose', { field: t('oversight.common.grid') }) }]}>
          <Select
            showSearch optionFilterProp="label" options={grids.map((g) => ({ value: g.id, label: g.name }))} data-testid="assign-grid"
            onChange={() => form.setFieldValue('assigneeId', undefined)}
          />
        </Form.Item>
        <Form.Item name="assigneeId" label={t('oversight.list.worker')} rules={[{ required: true, message: t('oversight.common.choose', { field: t('oversight.list.worker') }) }]}
          extra={gridId && team.data && workers.length === 0 ? t('oversight.list.noWorkers') : undefined}>
          <Select
            disabled={!gridId} loading={team.loading} placeholder={gridId ? undefined : t('oversight.list.pickGridFirst')} data-testid="assign-worker"
            options={workers.map((m) => ({ value: m.accountId!, label: `${m.name}（${t(`teamRoles.${m.teamRole}`)}）` }))}
          />
        </Form.Item>
        <Form.Item name="title" label={t('oversight.list.taskTitle')} rules={[{ required: true, whitespace: true, message: t('oversight.common.required', { field: t('oversight.list.taskTitle') }) }]}>
          <Input maxLength={TASK_LIMITS.title} placeholder={t('oversight.list.taskTitleHint')} data-testid="assign-title" />
        </Form.Item>
        <Form.Item name="detail" label={t('oversight.list.detail')}>
          <Input.TextArea rows={3} maxLength={TASK_LIMITS.text} placeholder={t('oversight.list.detailHint')} data-testid="assign-detail" />
        </Form.Item>
        <div style={{ display: 'flex', gap: 16 }}>
          <Form.Item name="startsOn" label={t('oversight.list.startsOn')} style={{ flex: 1 }}>
            <DatePicker style={{ width: '100%' }} allowClear={false} disabledDate={(d) => d.isBefore(dayjs(), 'day')} />
          </Form.Item>
          <Form.Item
            name="dueOn" label={t('oversight.list.dueOn')} style={{ flex: 1 }}
            rules={[{ required: true, message: t('oversight.common.choose', { field: t('oversight.list.dueOn') }) }]}
          >
            <DatePicker style={{ width: '100%' }} data-testid="assign-due" disabledDate={(d) => d.isBefore(form.getFieldValue('startsOn') ?? dayjs(), 'day')} />
          </Form.Item>
        </div>
      </Form>
    </Modal>
  );
}
