// Open cases of the same category found at intake, those at the same registered thing first (marked): number, status,
// distance, a link to open each.
import { Alert, List, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../../lib/useApi.ts';
import { fetchCase } from '../api.ts';
import { StatusTag } from './tags.tsx';
import '../../registry/thing-picker/public.ts';

export function DuplicateList({ duplicates, onOpen }: { duplicates: { id: string; distanceM: number; sameThing?: boolean }[]; onOpen(id: string): void }) {
  const { t } = useTranslation();
  const key = duplicates.map((d) => d.id).join(',');
  const cases = useApi((signal) => Promise.all(duplicates.map((d) => fetchCase(d.id, signal).catch(() => null))), [key]);
  return (
    <div data-testid="intake-duplicates">
      <Alert type="warning" showIcon title={t('wcase.intake.duplicates', { count: duplicates.length })} style={{ marginBottom: 8 }} />
      <List
        size="small" bordered dataSource={duplicates}
        renderItem={(d, i) => {
          const c = cases.data?.[i];
          return (
            <List.Item actions={[<a key="open" onClick={() => onOpen(d.id)}>{t('wcase.intake.open')}</a>]}>
              <Space orientation="vertical" size={0} style={{ minWidth: 0 }}>
                <Space size={6}>
                  <span className="zz-queue-number">{c?.number ?? d.id.slice(0, 8)}</span>
                  {c ? <StatusTag status={c.status} /> : null}
                  {d.sameThing ? <Tag color="blue" data-testid="duplicate-same-thing">{t('thingPicker.sameThing')}</Tag> : null}
                </Space>
                <Typography.Text type="secondary" style={{ fontSize: 12 }} ellipsis>
                  {t('wcase.intake.distance', { m: Math.round(d.distanceM) })}{c ? ` · ${c.description}` : ''}
                </Typography.Text>
              </Space>
            </List.Item>
          );
        }}
      />
    </div>
  );
}
