// The alarms as a table: unanswered red rows, the care order's number (opens the order), the escalation step and when
// the next goes out, and the caller's actions (确认, 消警) as the alarm's policies allow. Used by 告警中心 and by a
// device's page.
import { App, Button, Empty, Space, Table, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { AlarmSummary } from './api.ts';
import { acknowledge } from './actions.ts';
import { AlarmStatusTag, alarmTypeText, bindingText, LevelTag, noteText } from './parts.tsx';

export interface AlarmTableProps {
  items: AlarmSummary[]; loading: boolean; emptyText: string;
  onOpen(a: AlarmSummary): void; onOpenOrder(caseId: string): void; onClear(a: AlarmSummary): void; onChanged(): void;
  /** the device column is left out on a device's own page */
  showDevice?: boolean;
}

const time = (iso: string | null) => (iso ? dayjs(iso).format('MM-DD HH:mm') : '—');

export function AlarmTable({ items, loading, emptyText, onOpen, onOpenOrder, onClear, onChanged, showDevice = true }: AlarmTableProps) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const columns: TableColumnsType<AlarmSummary> = [
    { title: t('alarms.col.level'), dataIndex: 'level', width: 70, render: (_: unknown, a) => <LevelTag level={a.level} /> },
    {
      title: t('alarms.col.type'), dataIndex: 'alarmType', width: 170,
      render: (_: unknown, a) => <Space orientation="vertical" size={0}><strong data-testid="alarm-type">{alarmTypeText(t, a)}</strong><Typography.Text type="secondary">{t(`alarms.category.${a.category}`)}</Typography.Text></Space>,
    },
    ...(showDevice ? [{
      title: t('alarms.col.device'), key: 'device', width: 150,
      render: (_: unknown, a: AlarmSummary) => <Space orientation="vertical" size={0}><span>{a.device.name}</span><Typography.Text type="secondary">{t(`alarms.deviceTypes.${a.device.type}`)}</Typography.Text></Space>,
    }] : []),
    {
      title: t('alarms.col.binding'), key: 'binding',
      render: (_: unknown, a) => (
        <Space orientation="vertical" size={0}>
          <span>{bindingText(t, a.binding)}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>{[a.address, a.gridName].filter(Boolean).join(' · ')}</Typography.Text>
        </Space>
      ),
    },
    { title: t('alarms.col.raisedAt'), dataIndex: 'raisedAt', width: 110, render: (v: string) => time(v) },
    {
      title: t('alarms.col.careOrder'), key: 'order', width: 180,
      render: (_: unknown, a) => (a.careOrder ? (
        <Button type="link" size="small" style={{ padding: 0 }} onClick={(e) => { e.stopPropagation(); onOpenOrder(a.careOrder!.id); }} data-testid="alarm-order">
          {a.careOrder.number}
        </Button>
      ) : a.taskId ? <Typography.Text type="secondary">{t('alarms.task')}</Typography.Text> : <Typography.Text type="secondary">{t('alarms.noCareOrder')}</Typography.Text>),
    },
    {
      title: t('alarms.col.escalation'), key: 'esc', width: 140,
      render: (_: unknown, a) => {
        if (a.status === 'active') {
          return (
            <Space orientation="vertical" size={0}>
              <span>{t('alarms.step', { step: a.escalationStep + 1 })}</span>
              {a.nextEscalationAt ? <Typography.Text type="danger">{t('alarms.nextAt', { time: dayjs(a.nextEscalationAt).format('HH:mm') })}</Typography.Text> : null}
            </Space>
          );
        }
        const by = a.status === 'cleared' ? { name: a.clearedByName, at: a.clearedAt } : { name: a.acknowledgedByName, at: a.acknowledgedAt };
        const note = noteText(t, a.clearNote);
        return (
          <Space orientation="vertical" size={0}>
            <AlarmStatusTag status={a.status} />
            <Typography.Text type="secondary">{by.name ? t('alarms.by', { name: by.name, time: time(by.at) }) : time(by.at)}</Typography.Text>
            {note ? <Tooltip title={note}><Typography.Text type="secondary" ellipsis style={{ maxWidth: 130 }}>{note}</Typography.Text></Tooltip> : null}
          </Space>
        );
      },
    },
    {
      title: t('alarms.col.actions'), key: 'actions', width: 130,
      render: (_: unknown, a) => (
        <Space size={4} onClick={(e) => e.stopPropagation()}>
          {a.policies.includes('acknowledge') ? (
            <Button size="small" type="primary" danger data-testid="alarm-ack" onClick={() => void acknowledge(a, t, i18n.language, message).then(onChanged)}>{t('alarms.acknowledge')}</Button>
          ) : null}
          {a.policies.includes('clear') ? <Button size="small" data-testid="alarm-clear" onClick={() => onClear(a)}>{t('alarms.clear')}</Button> : null}
        </Space>
      ),
    },
  ];
  return (
    <Table<AlarmSummary>
      rowKey="id" size="small" columns={columns} dataSource={items} loading={loading} pagination={false} data-testid="alarm-table"
      rowClassName={(a) => (a.status === 'active' ? `zz-alarm-row-active zz-alarm-${a.level}` : '')}
      onRow={(a) => ({ onClick: () => onOpen(a), style: { cursor: 'pointer' }, 'data-testid': 'alarm-row', 'data-status': a.status } as React.HTMLAttributes<HTMLElement>)}
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={emptyText} /> }}
    />
  );
}
