// 交办临时任务 (the "+1"): a grid, then one of the grid's workers (team members with an account), a title, details,
// the start and due days; sent once with an Idempotency-Key made when the form opens.
import { App, DatePicker, Form, Input } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { TASK_LIMITS } from '../../../../shared/tasks.ts';
import { assignTask } from '../oversight-api.ts';
import { FormModal, GridWorkerFields, useGridWorkers, useModalForm } from './modal-form.tsx';

interface Values { gridId?: string; assigneeId?: string; title?: string; detail?: string; startsOn?: Dayjs; dueOn?: Dayjs }

export function AssignTaskModal({ open, grids, onClose, onDone }: {
  open: boolean; grids: { id: string; name: string }[]; onClose(): void; onDone(): void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const m = useModalForm<Values>(open);
  const picker = useGridWorkers(m);

  const submit = () => m.submit(async (v) => {
    const task = await assignTask({
      orgUnitId: v.gridId!, assigneeId: v.assigneeId!, title: v.title!.trim(), ...(v.detail?.trim() ? { detail: v.detail.trim() } : {}),
      startsOn: (v.startsOn ?? dayjs()).format('YYYY-MM-DD'), dueOn: v.dueOn!.format('YYYY-MM-DD'),
    }, m.key);
    message.success(t('oversight.list.assigned', { name: task.assignee?.name ?? picker.nameOf(v.assigneeId) }));
    onDone();
  });

  return (
    <FormModal
      m={m} title={t('oversight.list.assignTitle')} okText={t('oversight.common.save')} width={560} testId="assign" hint={t('oversight.list.assignHint')}
      initialValues={{ startsOn: dayjs() }} onClose={onClose} onOk={() => void submit()}
    >
      <GridWorkerFields
        picker={picker} grids={grids} workerField="assigneeId" gridLabel={t('oversight.common.grid')} workerLabel={t('oversight.list.worker')} testId="assign"
      />
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
          <DatePicker style={{ width: '100%' }} data-testid="assign-due" disabledDate={(d) => d.isBefore(m.form.getFieldValue('startsOn') ?? dayjs(), 'day')} />
        </Form.Item>
      </div>
    </FormModal>
  );
}
