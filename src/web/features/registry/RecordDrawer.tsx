// The drawer every registry record is created and edited in: an antd form, saved through `save`; a refusal of the
// API lands on its field (the ID number's problem in words), what has no field shows above the form.
import { useEffect, useState, type ReactNode } from 'react';
import { Alert, App, Button, Drawer, Form, Space, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { showRefusal } from './parts.tsx';
import './locales.ts';

export function RecordDrawer<V extends object>({ open, title, form, fieldNames, initialValues, save, onClose, onSaved, children, testId }: {
  open: boolean; title: ReactNode; form: FormInstance<V>; fieldNames: readonly string[]; initialValues: Partial<V>;
  save: (values: V) => Promise<unknown>; onClose: () => void; onSaved: (saved: unknown) => void; children: ReactNode; testId: string;
}) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(initialValues as never);
    setProblem(null);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open]);

  const submit = async () => {
    let values: V;
    try { values = await form.validateFields(); } catch { return; }
    setBusy(true);
    setProblem(null);
    try {
      const saved = await save(values);
      message.success(t('registry.form.saved'));
      onSaved(saved);
    } catch (e) {
      setProblem(showRefusal(form, e, i18n.language, fieldNames, t('registry.form.invalid')));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Drawer
      open={open} onClose={onClose} title={title} size={520} destroyOnHidden data-testid={testId}
      extra={<Space>
        <Button onClick={onClose}>{t('registry.actions.cancel')}</Button>
        <Button type="primary" loading={busy} onClick={() => void submit()} data-testid={`${testId}-save`}>{t('registry.actions.save')}</Button>
      </Space>}
    >
      {problem ? <Alert type="error" showIcon title={problem} style={{ marginBottom: 12 }} data-testid={`${testId}-problem`} /> : null}
      <Form<V> form={form} layout="vertical" requiredMark onFinish={() => void submit()}>{children}</Form>
    </Drawer>
  );
}
