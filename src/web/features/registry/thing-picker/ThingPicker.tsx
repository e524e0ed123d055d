// 在部件处上报 on the desktop intake: a select of the registered things near the pin, nearest first, the one suggested
// for the category marked and preselected; nothing shown to those who do not read the registry.
import { Form, Select, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { thingKindLabel, useNearThings } from './useNearThings.ts';

interface Props {
  at: { lng: number; lat: number } | null;
  categoryCode?: string | null;
  value: string | null;
  onChange(id: string | null): void;
}

export function ThingPicker({ at, categoryCode, value, onChange }: Props) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const { reads, list, loading, choose } = useNearThings(at, categoryCode, value, onChange);
  if (!reads) return null;
  const items = list?.items ?? [];
  return (
    <Form.Item label={t('thingPicker.label')} extra={t('thingPicker.hint')}>
      <Select
        allowClear value={value ?? undefined} onChange={(v) => choose((v as string | undefined) ?? null)} loading={loading} disabled={!at}
        placeholder={at ? (items.length || loading ? t('thingPicker.placeholder') : t('thingPicker.empty')) : t('thingPicker.pinFirst')}
        data-testid="thing-picker"
        options={items.map((i) => ({
          value: i.id,
          label: (
            <Space size={6}>
              <span>{i.name}</span>
              <Typography.Text type="secondary">{thingKindLabel(i.kind, en)} · {t('thingPicker.distance', { m: Math.round(i.distanceM) })}</Typography.Text>
              {i.id === list?.suggestedId ? <Tag color="blue" style={{ marginInlineEnd: 0 }}>{t('thingPicker.suggested')}</Tag> : null}
            </Space>
          ),
        }))}
      />
    </Form.Item>
  );
}
