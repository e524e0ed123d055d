// The case drawer of every desktop page: number, status, facts, photos, clocks, timeline and the actions
// the caller may take now. It follows live events of its case and reloads (debounced) when it changes.
import { useCallback, useEffect, useRef, useState } from 'react';
import { Alert, Divider, Drawer, Skeleton, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../../lib/api.ts';
import { fetchCase, type CaseDetail } from '../api.ts';
import { subscribeCaseEvents } from './api.ts';
import { StatusTag, Countdown } from './tags.tsx';
import { CaseFacts } from './CaseFacts.tsx';
import { CaseDeadlines } from './CaseDeadlines.tsx';
import { CaseTimeline } from './CaseTimeline.tsx';
import { CaseActions } from './CaseActions.tsx';
import { LoopCaseEnforcement } from '../../enforcement/public.ts';
import './desktop.css';

interface Props { caseId: string | null; onClose(): void; onChanged?(c: CaseDetail): void }

export function CaseDrawer({ caseId: askedId, onClose, onChanged }: Props) {
  const { t, i18n } = useTranslation();
  // a linked case (a duplicate's original, an original's duplicates) opens in place of the one the page asked for
  const [jump, setJump] = useState<{ from: string | null; to: string } | null>(null);
  const caseId = jump && jump.from === askedId ? jump.to : askedId;
  const [kase, setKase] = useState<CaseDetail | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const seq = useRef(0);

  const load = useCallback(async (id: string) => {
    const mine = ++seq.current;
    try {
      const c = await fetchCase(id);
      if (mine === seq.current) { setKase(c); setError(null); }
    } catch (e) {
      if (mine === seq.current) setError(e);
    }
  }, []);

  useEffect(() => {
    setKase(null); setError(null); setNotice(null);
    if (!caseId) return;
    void load(caseId);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const off = subscribeCaseEvents((e) => {
      if (e.caseId !== caseId) return;
      clearTimeout(timer);
      timer = setTimeout(() => void load(caseId), 300);
    });
    return () => { off(); clearTimeout(timer); seq.current++; };
  }, [caseId, load]);

  const changed = (c: CaseDetail) => { seq.current++; setKase(c); setNotice(null); onChanged?.(c); };
  const stale = async () => { if (caseId) await load(caseId); setNotice(t('wcase.drawer.stale')); };

  return (
    <Drawer
      open={!!caseId} onClose={onClose} size={560} mask={false} destroyOnHidden rootClassName="zz-case-drawer"
      title={kase ? <Space size={8}><span>{t('wcase.drawer.title')}</span><StatusTag status={kase.status} /></Space> : t('wcase.drawer.title')}
      extra={kase && kase.status !== 'closed' && kase.status !== 'rejected' ? <Countdown deadlines={kase.deadlines} suspended={kase.suspended} compact /> : null}
      footer={kase ? <CaseActions kase={kase} onDone={changed} onStale={stale} /> : null}
    >
      {error && !kase ? <Alert type="error" showIcon title={errorText(error, i18n.language)} /> : null}
      {!kase && !error ? <Skeleton active paragraph={{ rows: 10 }} /> : null}
      {kase ? (
        <div data-testid="case-drawer" data-case-id={kase.id} data-status={kase.status} data-version={kase.version}>
          <Typography.Title level={3} copyable={{ text: kase.number, tooltips: [t('wcase.drawer.copy'), t('wcase.drawer.copied')] }} className="zz-case-number" data-testid="case-number">
            {kase.number}
          </Typography.Title>
          {notice ? <Alert type="warning" showIcon closable title={notice} style={{ marginBottom: 12 }} data-testid="stale-notice" /> : null}
          <LoopCaseEnforcement kase={kase} />
          <CaseFacts kase={kase} onOpenCase={(to) => setJump({ from: askedId, to })} />
          <Divider titlePlacement="start" plain>{t('wcase.drawer.deadlines')}</Divider>
          <CaseDeadlines deadlines={kase.deadlines} />
          <Divider titlePlacement="start" plain>{t('wcase.drawer.timeline')}</Divider>
          <CaseTimeline entries={kase.timeline} />
        </div>
      ) : null}
    </Drawer>
  );
}
