// What the oversight pages' modal forms share (交办任务, 登记请假, 推送宣传任务): a form sent once with an Idempotency-Key
// made when the modal opens, its saving state and error, the modal with its hint and error above the form, and the
// grid-then-worker picker (the grid's team members with an account).
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { Alert, Form, Modal, Select, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../../lib/api.ts';
import { useApi } from '../../../lib/useApi.ts';
import { newIdempotencyKey } from '../../cases/api.ts';
import { fetchTeam } from '../../org/api.ts';

export interface ModalForm<V> {
  form: FormInstance<V>;
  open: boolean;
  /** the Idempotency-Key of this opening */
  key: string;
  saving: boolean;
  error: unknown;
  setError(e: unknown): void;
  /** validates the form, then sends it with `send` (saving meanwhile); what it throws is shown above the form */
  submit(send: (values: V) => Promise<void>): Promise<void>;
}

/** A modal's form, reset each time the modal opens. */
export function useModalForm<V>(open: boolean): ModalForm<V> {
  const [form] = Form.useForm<V>();
  const key = useMemo(() => newIdempotencyKey(), [open]);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => { if (open) { form.resetFields(); setError(null); } }, [open, form]);

  const submit = async (send: (values: V) => Promise<void>) => {
    const v = await form.validateFields();
    setSaving(true);
    setError(null);
    try {
      await send(v);
    } catch (e) {
      setError(e);
    } finally {
      setSaving(false);
    }
  };
  return { form, open, key, saving, error, setError, submit };
}

/** The modal around such a form: the hint (if any) and the error above it; `testId` names the modal (`<testId>-modal`) and its error. */
export function FormModal<V>({ m, title, okText, width, testId, hint, initialValues, onClose, onOk, children }: {
  m: ModalForm<V>; title: string; okText: string; width: number; testId: string; hint?: string; initialValues?: Partial<V>;
  onClose(): void; onOk(): void; children: ReactNode;
}) {
  const { t, i18n } = useTranslation();
  return (
    <Modal
      open={m.open} title={title} onCancel={onClose} onOk={onOk} confirmLoading={m.saving} destroyOnHidden
      okText={okText} cancelText={t('oversight.common.cancel')} width={width} data-testid={`${testId}-modal`}
    >
      {hint ? <Alert type="info" showIcon title={hint} style={{ marginBottom: 16 }} /> : null}
      {m.error ? <Alert type="error" showIcon title={errorText(m.error, i18n.language)} style={{ marginBottom: 16 }} data-testid={`${testId}-error`} /> : null}
      <Form form={m.form} layout="vertical" {...(initialValues ? { initialValues } : {})}>
        {children}
      </Form>
    </Modal>
  );
}

/** The workers (team members with an account) of the grid chosen in the form's `gridId`. */
export function useGridWorkers<V>(m: ModalForm<V>) {
  const gridId = Form.useWatch('gridId', m.form as FormInstance) as string | undefined;
  const team = useApi(m.open && gridId ? (signal) => fetchTeam(gridId, signal) : null, [m.open, gridId]);
  const workers = useMemo(() => (team.data?.members ?? []).filter((w) => w.accountId), [team.data]);
  const nameOf = (accountId: string | undefined) => workers.find((w) => w.accountId === accountId)?.name ?? '';
  return { form: m.form as FormInstance, gridId, team, workers, nameOf };
}

/** The grid (`gridId`) and, once it is chosen, one of its workers (`workerField`); choosing another grid clears the worker. */
export function GridWorkerFields({ picker, grids, workerField, gridLabel, workerLabel, testId }: {
  picker: ReturnType<typeof useGridWorkers>; grids: { id: string; name: string }[]; workerField: string;
  gridLabel: string; workerLabel: string; testId: string;
}) {
  const { t } = useTranslation();
  const { form, gridId, team, workers } = picker;
  return (
    <>
      <Form.Item name="gridId" label={gridLabel} rules={[{ required: true, message: t('oversight.common.choose', { field: gridLabel }) }]}>
        <Select
          showSearch optionFilterProp="label" options={grids.map((g) => ({ value: g.id, label: g.name }))} data-testid={`${testId}-grid`}
          onChange={() => form.setFieldValue(workerField, undefined)}
        />
      </Form.Item>
      <Form.Item name={workerField} label={workerLabel} rules={[{ required: true, message: t('oversight.common.choose', { field: workerLabel }) }]}
        extra={gridId && team.data && workers.length === 0 ? t('oversight.list.noWorkers') : undefined}>
        <Select
          disabled={!gridId} loading={team.loading} placeholder={gridId ? undefined : t('oversight.list.pickGridFirst')} data-testid={`${testId}-worker`}
          options={workers.map((w) => ({ value: w.accountId!, label: `${w.name}（${t(`teamRoles.${w.teamRole}`)}）` }))}
        />
      </Form.Item>
    </>
  );
}
