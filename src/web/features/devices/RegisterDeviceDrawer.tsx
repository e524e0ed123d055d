// 登记设备并绑定: the type, its profile (default: the type's), a name, the serial number, and the registry record it
// is bound to; the answer's token is shown once, with ready curl and mosquitto_pub lines. One Idempotency-Key per
// opening, so a retried submit registers one device.
import { useEffect, useMemo, useState } from 'react';
import { App, Button, Drawer, Form, Input, Radio, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { DEVICE_BINDING_KINDS, DEVICE_LIMITS, DEVICE_TYPES, type DeviceBindingKind, type DeviceType } from '../../../shared/devices.ts';
import { errorText } from '../../lib/api.ts';
import { useApi } from '../../lib/useApi.ts';
import { createDevice, listProfiles, newKey, type DeviceCreated } from './api.ts';
import { BindingPicker } from './BindingPicker.tsx';
import { TokenPanel } from './TokenPanel.tsx';

interface Values { type: DeviceType; profileId?: string; name: string; serialNo?: string; bindingKind: DeviceBindingKind; bindingId: string }

/** The binding most devices of a type have: a wristband on a person, a smoke detector in a place, a door magnet at a home. */
const USUAL_BINDING: Record<DeviceType, DeviceBindingKind> = {
  doorMagnet: 'household', smokeDetector: 'place', wristband: 'resident', gasSensor: 'household', waterLeakSensor: 'household', waterLevelGauge: 'place', camera: 'place', gateway: 'place',
};

export function RegisterDeviceDrawer({ open, onClose, onCreated }: { open: boolean; onClose(): void; onCreated(d: DeviceCreated): void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [created, setCreated] = useState<DeviceCreated | null>(null);
  const key = useMemo(() => (open ? newKey() : ''), [open]);
  const type = Form.useWatch('type', form);
  const bindingKind = Form.useWatch('bindingKind', form) ?? 'household';
  const profiles = useApi(type ? (signal) => listProfiles(type, signal) : null, [type]);
  useEffect(() => { if (open) { form.resetFields(); setCreated(null); } }, [open, form]);

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setBusy(true);
    try {
      const answer = await createDevice({
        type: v.type, ...(v.profileId ? { profileId: v.profileId } : {}), name: v.name.trim(),
        ...(v.serialNo?.trim() ? { serialNo: v.serialNo.trim() } : {}), binding: { kind: v.bindingKind, id: v.bindingId },
      }, key);
      setCreated(answer);
      onCreated(answer);
    } catch (e) {
      message.error(errorText(e, i18n.language));
    } finally { setBusy(false); }
  };

  return (
    <Drawer
      open={open} onClose={onClose} width={640} title={t('devices.form.title')} destroyOnHidden maskClosable={!created} data-testid="register-drawer"
      footer={created ? (
        <Button type="primary" onClick={onClose} data-testid="token-done">{t('devices.token.done')}</Button>
      ) : (
        <Space><Button onClick={onClose}>{t('devices.form.cancel')}</Button><Button type="primary" loading={busy} onClick={() => void submit()} data-testid="register-submit">{t('devices.form.submit')}</Button></Space>
      )}
    >
      {created ? <TokenPanel deviceId={created.id} token={created.token} type={created.device.type} /> : (
        <Form form={form} layout="vertical" initialValues={{ bindingKind: 'household' }}
          onValuesChange={(ch: Partial<Values>) => {
            if (ch.type) form.setFieldsValue({ profileId: undefined, bindingKind: USUAL_BINDING[ch.type], bindingId: undefined });
            if (ch.bindingKind) form.setFieldsValue({ bindingId: undefined });
          }}
        >
          <Form.Item name="type" label={t('devices.form.type')} rules={[{ required: true, message: t('devices.form.choose', { field: t('devices.form.type') }) }]}>
            <Select data-testid="register-type" options={DEVICE_TYPES.map((x) => ({ value: x, label: t(`devices.types.${x}`) }))} />
          </Form.Item>
          <Form.Item name="profileId" label={t('devices.form.profile')} extra={t('devices.form.profileHint')}>
            <Select allowClear disabled={!type} loading={profiles.loading} data-testid="register-profile" options={(profiles.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))} />
          </Form.Item>
          <Form.Item name="name" label={t('devices.form.name')} rules={[{ required: true, whitespace: true, message: t('devices.form.required', { field: t('devices.form.name') }) }]}>
            <Input maxLength={DEVICE_LIMITS.name} placeholder={t('devices.form.nameHint')} data-testid="register-name" />
          </Form.Item>
          <Form.Item name="serialNo" label={t('devices.form.serialNo')}>
            <Input maxLength={DEVICE_LIMITS.serialNo} data-testid="register-serial" />
          </Form.Item>
          <Form.Item name="bindingKind" label={t('devices.form.bindingKind')}>
            <Radio.Group optionType="button" data-testid="register-binding-kind" options={DEVICE_BINDING_KINDS.map((k) => ({ value: k, label: t(`devices.bindingKinds.${k}`) }))} />
          </Form.Item>
          <Form.Item name="bindingId" label={t('devices.form.binding')} rules={[{ required: true, message: t('devices.form.choose', { field: t('devices.form.binding') }) }]}>
            <BindingPicker kind={bindingKind} />
          </Form.Item>
        </Form>
      )}
    </Drawer>
  );
}
