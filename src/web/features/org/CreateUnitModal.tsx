// A new unit under the selected one: level, code (the parent's prefix and the first free number), name, and for a
// dedicated grid its kind. A community or micro-grid is created here; a grid goes on to have its boundary drawn.
import { useEffect, useState } from 'react';
import { App, Form, Input, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { DEDICATED_KINDS, type DedicatedKind } from '../../../shared/org-levels.ts';
import { childLevels, codePrefix, isGridLike, suggestCode, type AdministeredLevel } from '../../../domain/org/unit-admin.ts';
import { errorText } from '../../lib/api.ts';
import { listUnits, type OrgUnitDetail } from './api.ts';
import { createUnit, type NewUnit } from './unit-admin-api.ts';
import './unit-admin-locales.ts';

interface Props {
  parent: OrgUnitDetail;
  onClose(): void;
  onCreated(name: string): void;
  /** a grid or dedicated grid is drawn on the map before it is created */
  onDraw(draft: NewUnit): void;
}

interface Values { level: AdministeredLevel; code: string; name: string; kind?: DedicatedKind }

export function CreateUnitModal({ parent, onClose, onCreated, onDraw }: Props) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [siblings, setSiblings] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);
  const levels = childLevels(parent.level);
  const level = Form.useWatch('level', form) ?? levels[0];

  useEffect(() => {
    const ctrl = new AbortController();
    listUnits({ parentId: parent.id }, ctrl.signal).then((us) => setSiblings(us.map((u) => u.code)), () => {});
    return () => ctrl.abort();
  }, [parent.id]);
  useEffect(() => {
    if (level) form.setFieldValue('code', suggestCode(level, parent.code, siblings));
  }, [level, siblings, parent.code, form]);

  const submit = async (v: Values) => {
    const draft: NewUnit = { parentId: parent.id, level: v.level, code: v.code.trim(), name: v.name.trim(), kind: v.level === 'dedicatedGrid' ? v.kind ?? null : null };
    if (isGridLike(v.level)) { onDraw(draft); return; }
    setSaving(true);
    try {
      await createUnit(draft);
      message.success(t('unitAdmin.created', { name: draft.name }));
      onCreated(draft.name);
    } catch (e) {
      message.error(errorText(e, i18n.language));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open title={t('unitAdmin.createTitle', { name: parent.name })} onCancel={onClose} destroyOnHidden
      okText={level && isGridLike(level) ? t('unitAdmin.next') : t('unitAdmin.create')} cancelText={t('unitAdmin.cancel')}
      onOk={() => form.submit()} confirmLoading={saving}
    >
      <Form<Values> form={form} layout="vertical" initialValues={{ level: levels[0], kind: DEDICATED_KINDS[0] }} onFinish={submit} data-testid="create-unit-form">
        <Form.Item name="level" label={t('unitAdmin.level')} rules={[{ required: true }]}>
          <Select options={levels.map((l) => ({ value: l, label: t(`levels.${l}`) }))} />
        </Form.Item>
        <Form.Item
          name="code" label={t('unitAdmin.code')} extra={level ? t('unitAdmin.codeHelp', { prefix: codePrefix(level, parent.code) }) : null}
          rules={[{ required: true, message: t('unitAdmin.required') }]}
        >
          <Input inputMode="numeric" maxLength={17} />
        </Form.Item>
        <Form.Item name="name" label={t('unitAdmin.name')} rules={[{ required: true, whitespace: true, message: t('unitAdmin.required') }, { max: 40 }]}>
          <Input maxLength={40} />
        </Form.Item>
        {level === 'dedicatedGrid' ? (
          <Form.Item name="kind" label={t('unitAdmin.kind')}>
            <Select options={DEDICATED_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))} />
          </Form.Item>
        ) : null}
      </Form>
    </Modal>
  );
}
