// The administrator's menu for the selected unit: a new unit under it, rename, move, retire (with the refusal's reason),
// and for a grid its boundary (edit on the map, history). Its entries are the unit's `policies`; with none it is not shown.
import { useState } from 'react';
import { App, Button, Dropdown, Form, Input, Modal } from 'antd';
import { DownOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ApiError, errorText } from '../../lib/api.ts';
import { useApi } from '../../lib/useApi.ts';
import { fetchUnit, type OrgUnitDetail } from './api.ts';
import { renameUnit, retireUnit, type NewUnit } from './unit-admin-api.ts';
import { CreateUnitModal } from './CreateUnitModal.tsx';
import { BoundaryHistoryModal } from './BoundaryHistoryModal.tsx';
import { MoveUnitModal } from './MoveUnitModal.tsx';
import './unit-admin-locales.ts';

/** The registry kinds a retire refusal counts (UNIT_IN_USE's details.registry), in the order they are named. */
const REGISTRY_HELD = ['building', 'household', 'resident', 'place', 'thing'] as const;

interface Props {
  unitId: string;
  /** something changed in the tree or on the map; `retired` when the unit itself is gone */
  onChanged(retired?: boolean): void;
  onEditBoundary(unit: OrgUnitDetail): void;
  onDrawNew(draft: NewUnit, community: OrgUnitDetail): void;
}

export function UnitAdminMenu({ unitId, onChanged, onEditBoundary, onDrawNew }: Props) {
  const { t, i18n } = useTranslation();
  const { message, modal } = App.useApp();
  const unit = useApi((signal) => fetchUnit(unitId, signal), [unitId]);
  const [open, setOpen] = useState<'create' | 'rename' | 'move' | 'history' | null>(null);
  // useApi keeps the last answer while the next loads: a menu of the unit chosen before would rename or retire that one
  const u = unit.data?.id === unitId ? unit.data : undefined;
  if (!u) return null;
  const may = (action: OrgUnitDetail['policies'][number]) => u.policies.includes(action);

  const retire = () => modal.confirm({
    title: t('unitAdmin.retireTitle', { name: u.name }), content: t('unitAdmin.retireBody'),
    okText: t('unitAdmin.retire'), okButtonProps: { danger: true }, cancelText: t('unitAdmin.cancel'),
    onOk: async () => {
      try {
        await retireUnit(u.id);
        message.success(t('unitAdmin.retired', { name: u.name }));
        onChanged(true);
      } catch (e) {
        modal.error({ title: t('unitAdmin.retireRefused', { name: u.name }), content: <span data-testid="retire-refusal">{refusalText(e)}</span>, okText: t('unitAdmin.ok') });
      }
    },
  });
  const refusalText = (e: unknown): string => {
    const d = e instanceof ApiError && e.code === 'UNIT_IN_USE' ? (e.details as { openCases?: number; liveChildren?: number; registry?: Record<string, number> } | undefined) : undefined;
    if (d?.liveChildren) return t('unitAdmin.liveChildren', { count: d.liveChildren });
    if (d?.openCases) return t('unitAdmin.openCases', { count: d.openCases });
    if (d?.registry) {
      const held = REGISTRY_HELD.filter((k) => (d.registry![k] ?? 0) > 0).map((k) => t(`unitAdmin.held.${k}`, { count: d.registry![k] }));
      return t('unitAdmin.registryHeld', { list: held.join(t('unitAdmin.held.separator')) });
    }
    return errorText(e, i18n.language);
  };

  const items = [
    may('createChild') ? { key: 'create', label: t('unitAdmin.addChild') } : null,
    may('rename') ? { key: 'rename', label: t('unitAdmin.rename') } : null,
    may('move') ? { key: 'move', label: t('unitAdmin.move') } : null,
    may('editBoundary') ? { key: 'boundary', label: t('unitAdmin.editBoundary') } : null,
    may('editBoundary') ? { key: 'history', label: t('unitAdmin.history') } : null,
    may('retire') ? { key: 'retire', label: t('unitAdmin.retire'), danger: true } : null,
  ].filter((x) => x !== null).map((x) => ({ ...x, 'data-testid': `unit-admin-${x.key}` }));
  if (!items.length) return null;

  return (
    <>
      <Dropdown
        trigger={['click']}
        menu={{
          items,
          onClick: ({ key }) => {
            if (key === 'retire') retire();
            else if (key === 'boundary') onEditBoundary(u);
            else setOpen(key as 'create' | 'rename' | 'move' | 'history');
          },
        }}
      >
        <Button size="small" data-testid="unit-admin-menu">{t('unitAdmin.actions')} <DownOutlined /></Button>
      </Dropdown>
      {open === 'create' ? (
        <CreateUnitModal
          parent={u} onClose={() => setOpen(null)}
          onCreated={() => { setOpen(null); onChanged(); }}
          onDraw={(draft) => { setOpen(null); onDrawNew(draft, u); }}
        />
      ) : null}
      {open === 'rename' ? <RenameModal unit={u} onClose={() => setOpen(null)} onDone={() => { setOpen(null); unit.reload(); onChanged(); }} /> : null}
      {open === 'move' ? <MoveUnitModal unit={u} onClose={() => setOpen(null)} onMoved={() => { setOpen(null); unit.reload(); onChanged(); }} /> : null}
      {open === 'history' ? <BoundaryHistoryModal unit={u} onClose={() => setOpen(null)} /> : null}
    </>
  );
}

function RenameModal({ unit, onClose, onDone }: { unit: OrgUnitDetail; onClose(): void; onDone(): void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ name: string }>();
  const [saving, setSaving] = useState(false);
  const submit = async ({ name }: { name: string }) => {
    setSaving(true);
    try {
      const saved = await renameUnit(unit.id, name.trim());
      message.success(t('unitAdmin.renamed', { name: saved.name }));
      onDone();
    } catch (e) {
      message.error(errorText(e, i18n.language));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open title={t('unitAdmin.renameTitle', { name: unit.name })} onCancel={onClose} onOk={() => form.submit()} confirmLoading={saving}
      okText={t('unitAdmin.save')} cancelText={t('unitAdmin.cancel')} destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={{ name: unit.name }} onFinish={submit}>
        <Form.Item name="name" label={t('unitAdmin.name')} rules={[{ required: true, whitespace: true, message: t('unitAdmin.required') }, { max: 40 }]}>
          <Input maxLength={40} data-testid="rename-input" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
