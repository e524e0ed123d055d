// The command page's two decisions, each with its reason: 调整级别 (raising adds the new level's steps as work orders,
// lowering adds none) and 解除响应 (the steps still open are listed first: they will be recorded as left, their work
// orders stay with their assignees).
import { useEffect, useState } from 'react';
import { Alert, App, Form, Input, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../../lib/api.ts';
import { PLAN_LIMITS, type PlanLevel } from '../../../../shared/plans.ts';
import { changeLevel, standDown, type IncidentDetail } from './api.ts';
import { LevelBadge } from './parts.tsx';
import './locales.ts';

export function LevelModal({ incident, open, onClose, onDone }: { incident: IncidentDetail; open: boolean; onClose(): void; onDone(i: IncidentDetail): void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ level: PlanLevel; reason: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => { if (open) { form.resetFields(); setError(null); } }, [open, form]);

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return; // the form shows what is missing
    setBusy(true);
    try {
      const next = await changeLevel(incident.id, v.level, v.reason.trim());
      message.success(t('incidents.level.done', { level: t(`incidents.levels.${v.level}`) }));
      onDone(next);
    } catch (e) { setError(e); } finally { setBusy(false); }
  };

  return (
    <Modal
      open={open} title={t('incidents.level.title')} onCancel={onClose} onOk={() => void submit()} confirmLoading={busy} destroyOnHidden
      okText={t('incidents.level.ok')} okButtonProps={{ 'data-testid': 'level-submit' } as never} data-testid="level-modal"
    >
      <Form form={form} layout="vertical">
        <Form.Item label={t('incidents.level.current')}><LevelBadge level={incident.level} big /></Form.Item>
        <Form.Item name="level" label={t('incidents.level.to')} rules={[{ required: true, message: t('incidents.level.to') }]}>
          <Select
            data-testid="level-select"
            options={incident.levels.filter((l) => l !== incident.level).map((l) => ({ value: l, label: `${t(`incidents.levels.${l}`)} · ${t(`incidents.levelNames.${l}`)}` }))}
          />
        </Form.Item>
        <Form.Item name="reason" label={t('incidents.level.reason')} rules={[{ required: true, whitespace: true, message: t('incidents.level.reasonRequired') }]}>
          <Input.TextArea rows={3} maxLength={PLAN_LIMITS.reason} placeholder={t('incidents.level.reasonHint')} data-testid="level-reason" />
        </Form.Item>
      </Form>
      <Alert type="info" showIcon title={t('incidents.level.raiseHint')} />
      {error ? <Alert type="error" showIcon style={{ marginTop: 8 }} title={errorText(error, i18n.language)} data-testid="level-error" /> : null}
    </Modal>
  );
}

export function StandDownModal({ incident, open, onClose, onDone }: { incident: IncidentDetail; open: boolean; onClose(): void; onDone(i: IncidentDetail): void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => { if (open) { form.resetFields(); setError(null); } }, [open, form]);
  const openSteps = incident.steps.filter((s) => s.state === 'open');

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return; // the form shows what is missing
    setBusy(true);
    try {
      const next = await standDown(incident.id, v.reason.trim());
      message.success(t('incidents.standDown.done'));
      onDone(next);
    } catch (e) { setError(e); } finally { setBusy(false); }
  };

  return (
    <Modal
      open={open} title={t('incidents.standDown.title')} onCancel={onClose} onOk={() => void submit()} confirmLoading={busy} destroyOnHidden
      okText={t('incidents.standDown.ok')} okButtonProps={{ danger: true, 'data-testid': 'stand-down-submit' } as never} data-testid="stand-down-modal"
    >
      {openSteps.length ? (
        <Alert
          type="warning" showIcon style={{ marginBottom: 12 }} data-testid="stand-down-open-steps"
          title={t('incidents.standDown.openSteps', { count: openSteps.length })}
          description={<ul style={{ margin: 0, paddingInlineStart: 18 }}>{openSteps.map((s) => <li key={s.key}>{s.title} · {s.roleName}</li>)}</ul>}
        />
      ) : <Alert type="success" showIcon style={{ marginBottom: 12 }} title={t('incidents.standDown.noOpen')} />}
      <Form form={form} layout="vertical">
        <Form.Item name="reason" label={t('incidents.standDown.reason')} rules={[{ required: true, whitespace: true, message: t('incidents.standDown.reasonRequired') }]}>
          <Input.TextArea rows={3} maxLength={PLAN_LIMITS.reason} placeholder={t('incidents.standDown.reasonHint')} data-testid="stand-down-reason" />
        </Form.Item>
      </Form>
      {error ? <Alert type="error" showIcon title={errorText(error, i18n.language)} data-testid="stand-down-error" /> : null}
    </Modal>
  );
}
