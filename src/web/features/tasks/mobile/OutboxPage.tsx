// 待发送与待处理 (/m/tasks/outbox): what waits on this phone to be sent, and what the server refused — a task reassigned
// meanwhile (409 TASK_CONFLICT), a record no longer the worker's (403/404) — with the server's reason, kept until the
// user has read it and lets it go. Nothing is dropped silently.
import { Button, List, Toast } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { Card, formatTime, MobilePage } from '../../cases/public.ts';
import type { TaskConflictDetails } from '../api.ts';
import { dismiss, syncNow, useOutbox } from '../offline/outbox.ts';
import type { OutboxItem } from '../offline/outbox-db.ts';
import { PendingBanner } from './PendingBanner.tsx';

/** Why the server refused, in the reader's language: a conflict in our words (with whom), else the server's message. */
export function reasonOf(item: OutboxItem, t: TFunction, lang: string): string {
  const p = item.problem;
  if (!p) return '';
  const d = p.details as Partial<TaskConflictDetails> | undefined;
  if (p.code === 'TASK_CONFLICT' && d?.reason) {
    const name = (d.reason === 'doneByOther' ? d.doneBy?.name : d.assignee?.name) ?? t('mtask.outbox.someone');
    return t(`mtask.outbox.conflict.${d.reason}`, { name, time: formatTime(d.doneAt ?? null, lang) });
  }
  return t('mtask.outbox.serverSaid', { text: lang.startsWith('zh') ? (p.messageZh ?? p.message) : p.message });
}

export function OutboxPage() {
  const { t, i18n } = useTranslation();
  const box = useOutbox();
  const waiting = box.items.filter((i) => i.state === 'waiting');
  const line = (i: OutboxItem) => `${t(`mtask.outbox.kinds.${i.kind}`)} · ${i.subject}`;
  return (
    <MobilePage title={t('mtask.title.outbox')} back="/m/tasks" testId="outbox-page">
      <PendingBanner />
      <Card title={t('mtask.outbox.attentionList')} testId="attention-list">
        {box.attention.length === 0 ? <div className="mc-hint">{t('mtask.outbox.noneAttention')}</div> : box.attention.map((i) => (
          <div key={i.seq} className="mt-outbox-item" data-testid="attention-item" data-code={i.problem?.code}>
            <strong>{line(i)}</strong>
            <div style={{ color: '#d2402f' }} data-testid="attention-reason">{reasonOf(i, t, i18n.language)}</div>
            <div className="mc-hint">{t('mtask.outbox.queuedAt', { time: formatTime(i.queuedAt, i18n.language) })}</div>
            <div>
              <Button size="small" onClick={() => void dismiss(i).then(() => Toast.show({ content: t('mtask.outbox.dismissed') }))} data-testid="attention-dismiss">
                {t('mtask.outbox.dismiss')}
              </Button>
            </div>
          </div>
        ))}
      </Card>
      <Card title={t('mtask.outbox.waitingList')} testId="waiting-list"
        extra={waiting.length ? <Button size="mini" color="primary" fill="outline" loading={box.syncing} onClick={() => void syncNow(true)}>{t('mtask.outbox.sendNow')}</Button> : null}>
        {waiting.length === 0 ? <div className="mc-hint">{t('mtask.outbox.noneWaiting')}</div> : (
          <List style={{ '--border-top': 'none', '--border-bottom': 'none', '--padding-left': '0' }}>
            {waiting.map((i) => (
              <List.Item key={i.seq} data-testid="waiting-item"
                description={`${t('mtask.outbox.queuedAt', { time: formatTime(i.queuedAt, i18n.language) })}${i.attempts ? ` · ${t('mtask.outbox.attempts', { count: i.attempts })}` : ''}`}>
                {line(i)}
              </List.Item>
            ))}
          </List>
        )}
      </Card>
    </MobilePage>
  );
}
