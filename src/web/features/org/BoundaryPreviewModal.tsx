// 勘界预览: before a redrawn boundary is saved, what it does to the grid registry — how many buildings, households,
// residents, places, things and hazards change grid, which (from → to), the records it would leave in no grid (then it
// cannot be saved), the open cases on the changed ground — and the reason, asked when records move.
import { useState } from 'react';
import { Alert, Input, Modal, Space, Table, Tag, Typography, type ButtonProps } from 'antd';
import { useTranslation } from 'react-i18next';
import type { BoundaryPreview } from './unit-admin-api.ts';
import './unit-admin-locales.ts';

type KindKey = keyof BoundaryPreview['moves'];
const KINDS: readonly KindKey[] = ['buildings', 'households', 'residents', 'places', 'things', 'hazards'];
/** the record kinds of a refusal, singular as the API names them, to their list key */
const PLURAL: Record<string, KindKey> = { building: 'buildings', household: 'households', resident: 'residents', place: 'places', thing: 'things', hazard: 'hazards' };
const FIRST_N = 50;

interface Props {
  name: string;
  preview: BoundaryPreview;
  saving: boolean;
  onCancel(): void;
  onConfirm(reason: string): void;
}

interface Row { key: string; kind: KindKey; name: string; from: string; to: string }

export function BoundaryPreviewModal({ name, preview, saving, onCancel, onConfirm }: Props) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const refused = preview.refused;
  const rows: Row[] = KINDS.flatMap((kind) => preview.moves[kind].items.map((m) => ({ key: `${kind}:${m.id}`, kind, name: m.name, from: m.from.name, to: m.to.name })));
  const missingReason = preview.reasonRequired && reason.trim() === '';
  const truncated = KINDS.some((k) => preview.moves[k].count > preview.moves[k].items.length);

  return (
    <Modal
      open width={760} title={t('unitAdmin.preview.title', { name })} onCancel={onCancel} onOk={() => onConfirm(reason.trim())}
      confirmLoading={saving} okText={t('unitAdmin.preview.confirm')} cancelText={t('unitAdmin.cancel')} destroyOnHidden
      okButtonProps={{ disabled: !!refused || missingReason, 'data-testid': 'boundary-confirm' } as ButtonProps}
    >
      <div data-testid="boundary-preview">
        {preview.units.length > 1 ? (
          <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }} data-testid="boundary-together">
            {t('unitAdmin.preview.together', { names: preview.units.map((u) => u.name).join('、') })}
          </Typography.Paragraph>
        ) : null}
        {refused ? (
          <Alert
            type="error" showIcon style={{ marginBottom: 12 }} data-testid="boundary-refused"
            title={t('unitAdmin.preview.refused', { count: refused.count })}
            description={(
              <>
                <ul style={{ margin: '4px 0', paddingInlineStart: 18 }}>
                  {refused.items.map((r) => <li key={`${r.kind}:${r.id}`}>{t(`unitAdmin.preview.kinds.${PLURAL[r.kind] ?? 'things'}`)} · {r.name}（{r.grid.name}）</li>)}
                </ul>
                <Typography.Text type="secondary">{t('unitAdmin.preview.refusedHint')}</Typography.Text>
              </>
            )}
          />
        ) : null}
        {!refused ? (
          <Typography.Paragraph style={{ marginBottom: 8 }}>
            {preview.total > 0 ? t('unitAdmin.preview.intro', { count: preview.total }) : t('unitAdmin.preview.nothing')}
          </Typography.Paragraph>
        ) : null}
        {!refused && preview.total > 0 ? (
          <>
            <Space wrap size={[8, 8]} style={{ marginBottom: 12 }} data-testid="boundary-counts">
              {KINDS.filter((k) => preview.moves[k].count > 0).map((k) => (
                <Tag key={k} color="blue" data-kind={k}>{t(`unitAdmin.preview.kinds.${k}`)} {preview.moves[k].count}</Tag>
              ))}
            </Space>
            <Table<Row>
              size="small" rowKey="key" dataSource={rows} pagination={rows.length > 8 ? { pageSize: 8, size: 'small' } : false}
              data-testid="boundary-moves"
              columns={[
                { title: t('unitAdmin.preview.kind'), dataIndex: 'kind', width: 80, render: (k: KindKey) => t(`unitAdmin.preview.kinds.${k}`) },
                { title: t('unitAdmin.preview.name'), dataIndex: 'name', ellipsis: true },
                { title: t('unitAdmin.preview.from'), dataIndex: 'from', ellipsis: true },
                { title: t('unitAdmin.preview.to'), dataIndex: 'to', ellipsis: true },
              ]}
            />
            {truncated ? <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('unitAdmin.preview.firstOnly', { count: FIRST_N })}</Typography.Text> : null}
          </>
        ) : null}
        {preview.openCases.length > 0 ? (
          <Alert
            type="warning" showIcon style={{ marginTop: 12 }} data-testid="boundary-open-cases"
            title={t('unitAdmin.preview.openCases', { count: preview.openCases.length })}
            description={(
              <>
                <ul style={{ margin: '4px 0', paddingInlineStart: 18 }}>
                  {preview.openCases.map((c) => <li key={c.id}><Typography.Text copyable={false} translate="no">{c.number}</Typography.Text>：{c.from.name} → {c.to?.name ?? t('unitAdmin.preview.noGrid')}</li>)}
                </ul>
                <Typography.Text type="secondary">{t('unitAdmin.preview.openCasesHint')}</Typography.Text>
              </>
            )}
          />
        ) : null}
        {!refused && preview.reasonRequired ? (
          <div style={{ marginTop: 12, marginBottom: 16 }}>
            <Typography.Text strong>{t('unitAdmin.preview.reason')}</Typography.Text>
            <Input.TextArea
              rows={2} maxLength={500} showCount value={reason} onChange={(e) => setReason(e.target.value)}
              placeholder={t('unitAdmin.preview.reasonHint')} data-testid="boundary-reason" style={{ marginTop: 4 }}
              status={missingReason ? 'warning' : undefined}
            />
            {missingReason ? <Typography.Text type="warning" style={{ fontSize: 12 }}>{t('unitAdmin.preview.reasonRequired')}</Typography.Text> : null}
          </div>
        ) : null}
      </div>
    </Modal>
  );
}
