// What waits on this phone to be sent and what needs the user's attention, on the task pages and the mobile home. Its
// first showing starts the outbox (send on start, when the network is back, on a timer) and the service worker.
import { useEffect } from 'react';
import { Button, NoticeBar } from 'antd-mobile';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../../app/auth.tsx';
import { startOutbox, syncNow, useOutbox } from '../offline/outbox.ts';
import { registerServiceWorker } from '../offline/register-sw.ts';
import { useOnline } from './useOnline.ts';
import './locales.ts';

/**
 * Starts the phone's offline machinery for the signed-in account (idempotent): the outbox for everyone (a resident's
 * report made offline waits there too), the installable app with its service worker for the staff who use it.
 */
export function useOfflineApp(): void {
  const me = useMe();
  useEffect(() => {
    if (me.kind === 'staff') registerServiceWorker();
    startOutbox(me.id);
  }, [me.id, me.kind]);
}

export function PendingBanner() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const online = useOnline();
  const box = useOutbox();
  useOfflineApp();
  return (
    <>
      {box.waiting > 0 ? (
        <NoticeBar color="info" wrap data-testid="outbox-waiting" data-count={box.waiting}
          content={<span>{t('mtask.outbox.waiting', { count: box.waiting })}{online ? '' : `，${t('mtask.outbox.offline')}`}</span>}
          extra={online ? (
            <Button size="mini" color="primary" fill="outline" loading={box.syncing} onClick={() => void syncNow(true)} data-testid="outbox-send">
              {t('mtask.outbox.sendNow')}
            </Button>
          ) : null} />
      ) : !online ? <NoticeBar color="alert" wrap content={t('mtask.outbox.offline')} data-testid="offline-bar" /> : null}
      {box.attention.length > 0 ? (
        <NoticeBar color="error" wrap data-testid="outbox-attention" data-count={box.attention.length}
          content={t('mtask.outbox.attention', { count: box.attention.length })}
          extra={<Button size="mini" color="danger" fill="outline" onClick={() => navigate('/m/tasks/outbox')}>{t('mtask.outbox.view')}</Button>} />
      ) : null}
    </>
  );
}
