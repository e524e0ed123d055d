// 移动到…: the units a unit may hang under (its parent's level, its own town), picked in a tree grouped by their
// own parent; the move's refusal (boundary outside, a team member who would lose sight of the grid) in the user's language.
import { useMemo, useState } from 'react';
import { Alert, App, Form, Modal, Skeleton, TreeSelect, Typography, type ButtonProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../lib/api.ts';
import { useApi } from '../../lib/useApi.ts';
import { ErrorState } from '../../ui/ErrorState.tsx';
import type { OrgUnitDetail } from './api.ts';
import { fetchMoveTargets, moveUnit, type MoveTarget } from './unit-admin-api.ts';
import './unit-admin-locales.ts';

interface TreeNode { value: string; title: string; selectable: boolean; disabled?: boolean; children?: TreeNode[] }

/** Targets grouped under their parents (communities for grids); communities are listed as they are. Those the boundary does not fit are shown, disabled, with why. */
function treeOf(targets: readonly MoveTarget[], outside: string): TreeNode[] {
  const node = (x: MoveTarget): TreeNode => ({ value: x.id, title: x.fits ? x.name : `${x.name}（${outside}）`, selectable: x.fits, disabled: !x.fits });
  if (targets.every((x) => x.level === 'community')) return targets.map(node);
  const groups = new Map<string, TreeNode>();
  for (const x of targets) {
    const key = x.parentId ?? '';
    const group = groups.get(key) ?? { value: `group:${key}`, title: x.parentName ?? '', selectable: false, children: [] };
    groups.set(key, group);
    group.children!.push(node(x));
  }
  return [...groups.values()];
}

export function MoveUnitModal({ unit, onClose, onMoved }: { unit: OrgUnitDetail; onClose(): void; onMoved(): void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const targets = useApi((signal) => fetchMoveTargets(unit.id, signal), [unit.id]);
  const tree = useMemo(() => treeOf(targets.data ?? [], t('unitAdmin.moveOutside')), [targets.data, t]);
  const [parentId, setParentId] = useState<string | undefined>();
  const [saving, setSaving] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const parentName = unit.ancestors[unit.ancestors.length - 1]?.name ?? '';

  const submit = async () => {
    if (!parentId) return;
    setSaving(true);
    setRefusal(null);
    try {
      const moved = await moveUnit(unit.id, parentId);
      message.success(t('unitAdmin.moved', { name: moved.name, parent: moved.ancestors[moved.ancestors.length - 1]?.name ?? '' }));
      onMoved();
    } catch (e) {
      setRefusal(errorText(e, i18n.language));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open title={t('unitAdmin.moveTitle', { name: unit.name })} onCancel={onClose} onOk={submit} confirmLoading={saving}
      okText={t('unitAdmin.move')} okButtonProps={{ disabled: !parentId, 'data-testid': 'move-submit' } as ButtonProps} cancelText={t('unitAdmin.cancel')} destroyOnHidden
    >
      {targets.loading ? <Skeleton active paragraph={{ rows: 2 }} /> : null}
      {targets.error ? <ErrorState error={targets.error} onRetry={targets.reload} /> : null}
      {targets.data ? (
        <Form layout="vertical">
          <Typography.Paragraph type="secondary">{t('unitAdmin.moveHint', { parent: parentName })}</Typography.Paragraph>
          <Form.Item label={t('unitAdmin.moveTo')} required>
            <TreeSelect
              data-testid="move-target" showSearch treeDefaultExpandAll value={parentId} onChange={(v) => { setParentId(v); setRefusal(null); }}
              treeData={tree} placeholder={t('unitAdmin.movePick')} notFoundContent={t('unitAdmin.moveNone')}
              treeNodeFilterProp="title" style={{ width: '100%' }}
            />
          </Form.Item>
        </Form>
      ) : null}
      {refusal ? <Alert type="error" showIcon message={t('unitAdmin.moveRefused')} description={<span data-testid="move-refusal">{refusal}</span>} /> : null}
    </Modal>
  );
}
