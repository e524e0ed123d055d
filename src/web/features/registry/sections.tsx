// Sections the household file and the detail pages share: hazards with their follow-ups, the cases reported there.
import { useState } from 'react';
import { Button, Empty, List, Space, Tag, Timeline, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { CaseDrawer, StatusTag } from '../cases/desktop/public.ts';
import type { CaseRef, Hazard } from './api.ts';
import { useEnumLabel } from './parts.tsx';
import { HazardFollowUpModal } from './hazard-forms.tsx';

/** The entries, each with 跟进 where its `policies` allow and `reload` is given (the page refreshes after saving). */
export function HazardList({ items, emptyText, reload }: { items: readonly Hazard[]; emptyText: string; reload?: () => void }) {
  const { t } = useTranslation();
  const label = useEnumLabel();
  const [following, setFollowing] = useState<Hazard | null>(null);
  if (items.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={emptyText} />;
  const overdue = (h: Hazard) => h.status === 'open' && h.nextCheckOn !== null && h.nextCheckOn < dayjs().format('YYYY-MM-DD');
  return (
    <>
    {reload ? <HazardFollowUpModal hazard={following} onClose={() => setFollowing(null)} onSaved={() => { setFollowing(null); reload(); }} /> : null}
    <List
      dataSource={[...items]} data-testid="hazard-list"
      renderItem={(h) => (
        <List.Item key={h.id} data-testid="hazard-item" extra={reload && h.policies.includes('update') ? (
          <Button size="small" onClick={() => setFollowing(h)} data-testid="hazard-follow-up">{t('registry.hazard.followUp')}</Button>
        ) : null}>
          <div style={{ width: '100%' }}>
            <Space wrap size={8}>
              <Tag color={h.status === 'open' ? 'red' : 'green'}>{label('hazardStatus', h.status)}</Tag>
              <Typography.Text strong>{h.description}</Typography.Text>
            </Space>
            <div className="zz-muted" style={{ marginTop: 4 }}>
              {t('registry.household.foundOn')}：{h.foundOn}
              {h.thingName ? ` · ${h.thingName}` : h.buildingName ? ` · ${h.buildingName}` : ''}
              {h.nextCheckOn ? <> · <Typography.Text type={overdue(h) ? 'danger' : undefined} strong={overdue(h)}>{t('registry.household.nextCheck')}：{h.nextCheckOn}{overdue(h) ? `（${t('registry.hazard.overdue')}）` : ''}</Typography.Text></> : null}
            </div>
            {h.followUps.length > 0 ? (
              <Timeline
                style={{ marginTop: 12, marginBottom: -16 }}
                items={h.followUps.map((f, i) => ({
                  key: i, color: f.status === 'resolved' ? 'green' : 'blue',
                  content: (
                    <div>
                      <Typography.Text type="secondary">{dayjs(f.at).format('YYYY-MM-DD HH:mm')} {f.actorName ?? ''}</Typography.Text>
                      <div>{f.actionTaken || t(`registry.history.actions.${f.action}`, { defaultValue: t('registry.history.otherAction') })}</div>
                      {f.nextCheckOn ? <Typography.Text type="secondary">{t('registry.household.nextCheck')}：{f.nextCheckOn}</Typography.Text> : null}
                    </div>
                  ),
                }))}
              />
            ) : h.actionTaken ? <div style={{ marginTop: 4 }}>{t('registry.household.followUp')}：{h.actionTaken}</div> : null}
          </div>
        </List.Item>
      )}
    />
    </>
  );
}

/** Cases reported at a household or a thing; a case's number opens it in the case drawer. */
export function CaseList({ items, emptyText }: { items: readonly CaseRef[]; emptyText: string }) {
  const [open, setOpen] = useState<string | null>(null);
  if (items.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={emptyText} />;
  return (
    <>
    <CaseDrawer caseId={open} onClose={() => setOpen(null)} />
    <List
      size="small" dataSource={[...items]} data-testid="case-list"
      renderItem={(c) => (
        <List.Item key={c.id} extra={<StatusTag status={c.status} />}>
          <Space size={8} wrap>
            <Button type="link" size="small" style={{ padding: 0 }} onClick={() => setOpen(c.id)} data-testid="case-link"><span translate="no">{c.number}</span></Button>
            <span>{c.categoryName}</span>
            <Typography.Text type="secondary">{c.address ?? ''} · {dayjs(c.createdAt).format('YYYY-MM-DD')}</Typography.Text>
          </Space>
        </List.Item>
      )}
    />
    </>
  );
}
