// 我的上报 (/m/cases): my reports with status and light; grid workers get a second tab 待核查 (?tab=verify).
import { useCallback, useEffect, useState } from 'react';
import { Button, DotLoading, ErrorBlock, InfiniteScroll, PullToRefresh, Tabs } from 'antd-mobile';
import { useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../../lib/api.ts';
import { useMe } from '../../../app/auth.tsx';
import { listCases, type CaseSummary } from '../api.ts';
import { currentClock, formatTime, LightDot, MobilePage, StatusTag } from './ui.tsx';

type Tab = 'reported' | 'verify';

export function CaseListPage() {
  const { t } = useTranslation();
  const me = useMe();
  const canVerify = me.roles.includes('gridWorker');
  const [params, setParams] = useSearchParams();
  const tab: Tab = canVerify && params.get('tab') === 'verify' ? 'verify' : 'reported';
  const navigate = useNavigate();

  return (
    <MobilePage title={t('mcase.title.list')} testId="case-list-page"
      right={<Button size="mini" fill="none" style={{ color: '#fff' }} onClick={() => navigate('/m/report')}>＋</Button>}>
      {canVerify ? (
        <div className="mc-card">
          <Tabs activeKey={tab} onChange={(k) => setParams(k === 'verify' ? { tab: 'verify' } : {}, { replace: true })}
            style={{ '--title-font-size': '16px', '--active-line-color': '#d2402f', '--active-title-color': '#d2402f' }}>
            <Tabs.Tab key="reported" title={<span data-testid="tab-reported">{t('mcase.list.mine')}</span>} />
            <Tabs.Tab key="verify" title={<span data-testid="tab-verify">{t('mcase.list.verify')}</span>} />
          </Tabs>
        </div>
      ) : null}
      <CaseList key={tab} mine={tab} />
    </MobilePage>
  );
}

function CaseList({ mine }: { mine: Tab }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const [items, setItems] = useState<CaseSummary[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [hasMore, setHasMore] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const [first, setFirst] = useState(true);

  const loadPage = useCallback(async (from: string | null) => {
    const page = await listCases({ mine, cursor: from, limit: 20 });
    return page;
  }, [mine]);

  const refresh = useCallback(async () => {
    setError(null);
    try {
      const page = await loadPage(null);
      setItems(page.items); setCursor(page.nextCursor); setHasMore(!!page.nextCursor);
    } catch (e) { setError(e); setHasMore(false); }
    finally { setFirst(false); }
  }, [loadPage]);

  useEffect(() => { void refresh(); }, [refresh]);

  const loadMore = async () => {
    if (!cursor) { setHasMore(false); return; }
    try {
      const page = await loadPage(cursor);
      setItems((xs) => [...xs, ...page.items]); setCursor(page.nextCursor); setHasMore(!!page.nextCursor);
    } catch (e) { setError(e); setHasMore(false); }
  };

  if (first) return <div style={{ textAlign: 'center', padding: 40 }}><DotLoading color="primary" /></div>;
  if (error && items.length === 0) {
    return <ErrorBlock status="default" title={errorText(error, i18n.language)} description={<Button size="small" onClick={() => void refresh()}>{t('mcase.common.retry')}</Button>} />;
  }
  if (items.length === 0) {
    return (
      <div className="mc-card" data-testid="case-list-empty">
        <ErrorBlock status="empty" title={mine === 'verify' ? t('mcase.list.emptyVerify') : t('mcase.list.empty')}
          description={mine === 'reported' ? <Button color="danger" size="small" style={{ marginTop: 12 }} onClick={() => navigate('/m/report')}>{t('mcase.list.reportNow')}</Button> : ''} />
      </div>
    );
  }
  return (
    <PullToRefresh onRefresh={refresh}>
      <div className="mc-card" data-testid={`case-list-${mine}`}>
        {items.map((c) => <CaseRow key={c.id} c={c} onOpen={() => navigate(`/m/cases/${c.id}`)} lang={i18n.language} />)}
      </div>
      <InfiniteScroll loadMore={loadMore} hasMore={hasMore}>
        {hasMore ? <DotLoading /> : <span className="mc-hint">{t('mcase.list.noMore')}</span>}
      </InfiniteScroll>
    </PullToRefresh>
  );
}

/** A case as a row of the phone lists: category with its light, status, description, number and the due time. */
export function CaseRow({ c, onOpen, lang }: { c: CaseSummary; onOpen(): void; lang: string }) {
  const { t } = useTranslation();
  const clock = currentClock(c.deadlines);
  return (
    <div className="mc-case-item" role="link" tabIndex={0} onClick={onOpen} onKeyDown={(e) => { if (e.key === 'Enter') onOpen(); }}
      data-testid="case-item" data-number={c.number}>
      <div className="mc-case-top">
        <span className="mc-case-cat">{clock ? <LightDot light={clock[1].light} /> : null}{c.categoryName}</span>
        <StatusTag status={c.status} />
      </div>
      <div className="mc-case-desc">{c.description}</div>
      <div className="mc-case-meta">
        <span className="mc-number" style={{ fontSize: 12, fontWeight: 400, color: '#8a94a3' }}>{c.number}</span>
        <span>
          {clock ? `${t(`mcase.clocks.${clock[0]}`)} ${formatTime(clock[1].dueAt, lang)}` : formatTime(c.createdAt, lang)}
          {c.satisfaction ? ` · ${t(`mcase.satisfaction.${c.satisfaction.score}`)}` : ''}
        </span>
      </div>
    </div>
  );
}
