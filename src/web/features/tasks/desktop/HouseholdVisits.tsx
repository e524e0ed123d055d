// 走访记录 of the desktop household file: the visits to the household and its members, newest first — when, who
// visited whom, what was found, a visit recorded far from the building flagged, and the case a finding became.
import { useState } from 'react';
import { Button, Empty, List, Space, Tag, Tooltip, Typography } from 'antd';
import { CameraOutlined, WarningOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { Static } from '@sinclair/typebox';
import type * as registry from '../../../../server/registry/schemas.ts';
import { CaseDrawer } from '../../cases/desktop/public.ts';
import './locales.ts';
import './tasks.css';

export type HouseholdVisit = Static<typeof registry.HouseholdVisit>;

export function HouseholdVisits({ items }: { items: readonly HouseholdVisit[] }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<string | null>(null);
  if (items.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('oversight.visits.empty')} />;
  return (
    <>
      <CaseDrawer caseId={open} onClose={() => setOpen(null)} />
      <List
        size="small" dataSource={[...items]} data-testid="visit-list"
        renderItem={(v) => (
          <List.Item key={v.id} data-testid="visit-item">
            <Space orientation="vertical" size={2} style={{ width: '100%' }}>
              <Space size={8} wrap>
                <span>{dayjs(v.at).format('YYYY-MM-DD HH:mm')}</span>
                <span>{v.subjectName}</span>
                <Typography.Text type="secondary">{t('oversight.visits.who')}：{v.visitorName}</Typography.Text>
                {v.far ? <Tooltip title={t('oversight.visits.farTip')}><Tag color="orange" icon={<WarningOutlined />}>{t('oversight.visits.far')}</Tag></Tooltip> : null}
                {v.photos > 0 ? <Typography.Text type="secondary"><CameraOutlined /> {t('oversight.visits.photos', { count: v.photos })}</Typography.Text> : null}
                {v.caseId ? <Button type="link" size="small" style={{ padding: 0 }} onClick={() => setOpen(v.caseId)} data-testid="visit-case">{t('oversight.visits.case')}</Button> : null}
              </Space>
              <Typography.Text type={v.findings?.trim() ? undefined : 'secondary'}>
                {t('oversight.visits.findings')}：{v.findings?.trim() || t('oversight.visits.noFindings')}
              </Typography.Text>
            </Space>
          </List.Item>
        )}
      />
    </>
  );
}
