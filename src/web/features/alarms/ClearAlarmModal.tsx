// 消警: the note of what was found (required for care and safety alarms, as the server requires it), sent with the
// alarm's version; a changed alarm (409) is reported and the list reloaded.
import { useEffect, useState } from 'react';
import { App, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { ALARM_LIMITS } from '../../../shared/alarms.ts';
import { errorText } from '../../lib/api.ts';
import { clearAlarm, type AlarmSummary } from './api.ts';
import { alarmTypeText } from './parts.tsx';
import { isConflict } from './actions.ts';

export function ClearAlarmModal({ alarm, onClose, onDone }: { alarm: AlarmSummary | null; onClose(): void; onDone(): void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ note: string }>();
  const [busy, setBusy] = useState(false);
  useEffect(() => { if (alarm) form.resetFields(); }, [alarm, form]);
  const noteRequired = alarm ? alarm.category !== 'maintenance' : false;

  const submit = async () => {
    if (!alarm) return;
    // a refused field shows its own message; nothing to send
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    const { note } = values;
    setBusy(true);
    try {
      await clearAlarm(alarm.id, alarm.version, note?.trim() || undefined);
      message.success(t('alarms.cleared'));
      onDone();
    } catch (e) {
      if (isConflict(e)) { message.warning(t('alarms.conflict')); onDone(); } else message.error(errorText(e, i18n.language));
    } finally { setBusy(false); }
  };

  return (
    <Modal
      open={!!alarm} title={alarm ? t('alarms.clearTitle', { type: alarmTypeText(t, alarm) }) : null} onCancel={onClose} onOk={() => void submit()}
      okText={t('alarms.clear')} cancelText={t('alarms.cancel')} confirmLoading={busy} destroyOnHidden data-testid="clear-alarm-modal"
    >
      <Form form={form} layout="vertical">
        <Form.Item
          name="note" label={t('alarms.clearNote')}
          rules={noteRequired ? [{ required: true, whitespace: true, message: t('alarms.clearNoteRequired') }] : []}
        >
          <Input.TextArea rows={3} maxLength={ALARM_LIMITS.clearNote} showCount placeholder={t('alarms.clearNoteHint')} data-testid="clear-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
