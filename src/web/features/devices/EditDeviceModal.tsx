// 修改设备: its name, serial number, profile (of the same type) and, when it moves, what it is bound to; sent with the
// device's version (409: someone else changed it, the page reloads).
import { useEffect, useState } from 'react';
import { App, Checkbox, Form, Input, Modal, Radio, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { DEVICE_BINDING_KINDS, DEVICE_LIMITS, type DeviceBindingKind } from '../../../shared/devices.ts';
import { ApiError, errorText } from '../../lib/api.ts';
import { useApi } from '../../lib/useApi.ts';
import { listProfiles, updateDevice, type DeviceDetail, type DevicePatch } from './api.ts';
import { BindingPicker } from './BindingPicker.tsx';

interface Values { name: string; serialNo?: string; profileId: string; rebind: boolean; bindingKind: DeviceBindingKind; bindingId?: string }

export function EditDeviceModal({ open, detail, onClose, onSaved }: { open: boolean; detail: DeviceDetail; onClose(): void; onSaved(): void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const d = detail.device;
  const profiles = useApi(open ? (signal) => listProfiles(d.type, signal) : null, [open, d.type]);
  const rebind = Form.useWatch('rebind', form);
  const bindingKind = Form.useWatch('bindingKind', form) ?? d.binding.kind;
  useEffect(() => {
    if (open) form.setFieldsValue({ name: d.name, serialNo: d.serialNo ?? '', profileId: d.profileId, rebind: false, bindingKind: d.binding.kind, bindingId: undefined });
  }, [open, d, form]);

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    const patch: DevicePatch = { version: d.version };
    if (v.name.trim() !== d.name) patch.name = v.name.trim();
    if ((v.serialNo?.trim() || null) !== d.serialNo) patch.serialNo = v.serialNo?.trim() || null;
    if (v.profileId !== d.profileId) patch.profileId = v.profileId;
    if (v.rebind && v.bindingId) patch.binding = { kind: v.bindingKind, id: v.bindingId };
    setBusy(true);
    try {
      await updateDevice(d.id, patch);
      message.success(t('devices.detail.saved'));
      onSaved();
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) { message.warning(t('devices.detail.conflict')); onSaved(); } else message.error(errorText(e, i18n.language));
    } finally { setBusy(false); }
  };

  return (
    <Modal open={open} title={t('devices.detail.editTitle')} onCancel={onClose} onOk={() => void submit()} confirmLoading={busy} okText={t('devices.form.save')}
      cancelText={t('devices.form.cancel')} destroyOnHidden data-testid="edit-device-modal">
      <Form form={form} layout="vertical">
        <Form.Item name="name" label={t('devices.form.name')} rules={[{ required: true, whitespace: true, message: t('devices.form.required', { field: t('devices.form.name') }) }]}>
          <Input maxLength={DEVICE_LIMITS.name} data-testid="edit-name" />
        </Form.Item>
        <Form.Item name="serialNo" label={t('devices.form.serialNo')}><Input maxLength={DEVICE_LIMITS.serialNo} /></Form.Item>
        <Form.Item name="profileId" label={t('devices.form.profile')}>
          <Select loading={profiles.loading} options={(profiles.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))} />
        </Form.Item>
        <Form.Item name="rebind" valuePropName="checked"><Checkbox data-testid="edit-rebind">{t('devices.form.rebind')}</Checkbox></Form.Item>
        {rebind ? (
          <>
            <Form.Item name="bindingKind" label={t('devices.form.bindingKind')}>
              <Radio.Group optionType="button" onChange={() => form.setFieldsValue({ bindingId: undefined })} options={DEVICE_BINDING_KINDS.map((k) => ({ value: k, label: t(`devices.bindingKinds.${k}`) }))} />
            </Form.Item>
            <Form.Item name="bindingId" label={t('devices.form.binding')} rules={[{ required: true, message: t('devices.form.choose', { field: t('devices.form.binding') }) }]}>
              <BindingPicker kind={bindingKind} />
            </Form.Item>
          </>
        ) : null}
      </Form>
    </Modal>
  );
}
