// /m/points, 我的积分: the household's balance (with what it earned this year and a veto in force), this month's
// self-check (户自查) against the community's published base and bonus rules and where it stands, the entries with their
// reasons (corrections marked), and the published rules in plain words.
import { useState } from 'react';
import { Button, Checkbox, Input, Tag, Toast } from 'antd-mobile';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ApiError, errorText } from '../../../lib/api.ts';
import { useApi } from '../../../lib/useApi.ts';
import { Empty, Failed, Loading, ResidentPage } from '../../participation/public.ts';
import { fetchMyAccount, fetchRules, listMyAssessments, selfReport, thisPeriod, type Account, type Entry, type Rule, type RuleSet } from './api.ts';
import './locales.ts';
import './points-mobile.css';

export function MyPointsPage() {
  const { t } = useTranslation();
  const account = useApi((signal) => fetchMyAccount(null, signal), []);
  const rules = useApi((signal) => fetchRules(signal), []);
  const notInRegistry = account.error instanceof ApiError && account.error.code === 'PERSON_NOT_IN_REGISTRY';
  return (
    <ResidentPage title={t('ptm.mine.title')} testId="m-points">
      {account.loading && !account.data ? <Loading />
        : notInRegistry ? <div className="pm-note" role="alert">{t('ptm.mine.notInRegistry')}</div>
        : account.error ? <Failed error={account.error} retry={account.reload} />
        : account.data ? <>
          <BalanceCard a={account.data} />
          {rules.data ? <SelfCheck rules={rules.data} /> : null}
          <Entries first={account.data} />
        </> : null}
      {rules.data ? <RulesCard set={rules.data} /> : rules.error && !notInRegistry ? <Failed error={rules.error} retry={rules.reload} /> : null}
    </ResidentPage>
  );
}

function BalanceCard({ a }: { a: Account }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  return (
    <section className="pm-card ptm-balance" aria-labelledby="ptm-balance" data-testid="m-points-balance">
      <h2 id="ptm-balance">{t('ptm.mine.balance')}</h2>
      <div className="pm-big-number" data-testid="m-points-value">{a.balance}</div>
      <span className="pm-meta"><span>{t('ptm.mine.household', { name: a.name })}</span><span>{a.orgUnitName}</span><span>{t('ptm.mine.earned', { count: a.earnedThisYear })}</span></span>
      {a.members.length ? <span className="pm-meta">{t('ptm.mine.members', { names: a.members.map((m) => m.name).join('、') })}</span> : null}
      {a.veto ? <div className="pm-note" role="note">{t('ptm.mine.veto', { rule: a.veto.ruleName, until: new Date(a.veto.until).toLocaleDateString(i18n.language.startsWith('zh') ? 'zh-CN' : 'en-GB') })}</div> : null}
      <Button color="primary" fill="outline" onClick={() => navigate('/m/points/shop')} data-testid="m-points-shop">{t('ptm.mine.toShop')}</Button>
    </section>
  );
}

function Entries({ first }: { first: Account }) {
  const { t, i18n } = useTranslation();
  const [pages, setPages] = useState<{ entries: Entry[]; next: string | null }>({ entries: first.entries, next: first.nextCursor });
  const [busy, setBusy] = useState(false);
  const more = async () => {
    setBusy(true);
    try { const a = await fetchMyAccount(pages.next); setPages((p) => ({ entries: [...p.entries, ...a.entries], next: a.nextCursor })); } finally { setBusy(false); }
  };
  return (
    <section className="pm-card" aria-labelledby="ptm-entries" data-testid="m-points-entries">
      <h2 id="ptm-entries">{t('ptm.mine.entries')}</h2>
      {pages.entries.length === 0 ? <span className="pm-meta">{t('ptm.mine.noEntries')}</span> : (
        <ul className="ptm-entries">
          {pages.entries.map((e) => (
            <li key={`${e.transactionId}`} data-testid="m-points-entry">
              <span className="ptm-entry-main">
                <b>{e.reasonName}</b>
                <span className="pm-meta">
                  <span>{new Date(e.at).toLocaleDateString(i18n.language.startsWith('zh') ? 'zh-CN' : 'en-GB')}</span>
                  <span>{t(`ptm.mine.kinds.${e.kind}`)}</span>
                  {e.reversed ? <Tag color="#5c6776" fill="outline">{t('ptm.mine.reversed')}</Tag> : null}
                </span>
                {e.note ? <small>{e.note}</small> : null}
              </span>
              <span className={e.amount >= 0 ? 'ptm-plus' : 'ptm-minus'}>{e.amount >= 0 ? `+${e.amount}` : `−${-e.amount}`}</span>
            </li>
          ))}
        </ul>
      )}
      {pages.next ? <Button fill="none" loading={busy} onClick={() => void more()}>{t('ptm.mine.more')}</Button> : null}
    </section>
  );
}

function SelfCheck({ rules }: { rules: RuleSet }) {
  const { t, i18n } = useTranslation();
  const period = thisPeriod();
  const mine = useApi((signal) => listMyAssessments(period, signal), [period]);
  const claimable = rules.rules.filter((r) => !r.retired && (r.kind === 'base' || r.kind === 'bonus') && !r.autoEvent && r.subjectKind === 'household');
  const [claimed, setClaimed] = useState<Set<string>>(new Set());
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const current = mine.data?.items.find((a) => a.period === period && a.status !== 'returned');
  const send = async () => {
    if (claimed.size === 0) { Toast.show({ content: t('ptm.self.nothing') }); return; }
    setBusy(true);
    try {
      await selfReport({ period, items: claimable.map((r) => ({ ruleCode: r.code, claimed: claimed.has(r.code), note: claimed.has(r.code) && note.trim() ? note.trim() : null })) });
      Toast.show({ icon: 'success', content: t('ptm.self.sent') });
      mine.reload();
    } catch (e) { Toast.show({ icon: 'fail', content: errorText(e, i18n.language) }); } finally { setBusy(false); }
  };
  return (
    <section className="pm-card" aria-labelledby="ptm-self" data-testid="m-self-check">
      <h2 id="ptm-self">{t('ptm.self.title', { period })}</h2>
      {mine.loading && !mine.data ? <Loading /> : current ? (
        <>
          <Tag color={current.status === 'approved' ? '#1d7f3c' : '#b35c00'} fill="outline" data-testid="m-self-status">{t(`ptm.self.status.${current.status}`)}</Tag>
          <ul className="ptm-claims">
            {current.items.filter((i) => i.claimed).map((i) => (
              <li key={i.ruleCode}>
                <span>{i.ruleName}</span><span className="ptm-plus">+{i.points}</span>
                {i.peer === false ? <small>{t('ptm.self.peerNo')}</small> : null}
                {i.approved === false ? <small>{t('ptm.self.approvedNo')}</small> : null}
              </li>
            ))}
          </ul>
          {current.status === 'approved' ? <span className="pm-meta">{t('ptm.self.awarded', { count: current.awardedPoints })}</span> : null}
        </>
      ) : claimable.length === 0 ? <span className="pm-meta">{t('ptm.self.none')}</span> : (
        <div className="pm-form">
          <p className="pm-intro">{t('ptm.self.intro')}</p>
          {claimable.map((r) => (
            <Checkbox key={r.code} checked={claimed.has(r.code)} data-testid={`m-claim-${r.code}`}
              onChange={(v) => setClaimed((s) => { const n = new Set(s); if (v) n.add(r.code); else n.delete(r.code); return n; })}>
              <span className="ptm-claim-label">{r.name} <b className="ptm-plus">+{r.points}</b></span>
            </Checkbox>
          ))}
          <div className="pm-field">
            <label htmlFor="ptm-self-note">{t('ptm.self.note')}</label>
            <Input id="ptm-self-note" value={note} onChange={setNote} maxLength={200} />
          </div>
          <Button color="primary" loading={busy} onClick={() => void send()} data-testid="m-self-send">{t('ptm.self.send')}</Button>
        </div>
      )}
    </section>
  );
}

function ruleLine(r: Rule, t: (k: string, o?: Record<string, unknown>) => string): string[] {
  const out = r.points === 0 ? [] : [r.kind === 'minus' || r.kind === 'veto' ? t('ptm.rules.minus', { count: r.points }) : t('ptm.rules.plus', { count: r.points })];
  if (r.capPoints && r.capPeriod) out.push(t('ptm.rules.cap', { count: r.capPoints, period: t(`ptm.rules.periods.${r.capPeriod}`) }));
  if (r.kind === 'veto' && r.vetoMonths) out.push(t('ptm.rules.vetoMonths', { months: r.vetoMonths }));
  out.push(t(`ptm.rules.${r.subjectKind}`));
  if (r.autoEvent) out.push(t(`ptm.rules.auto.${r.autoEvent}`));
  return out;
}

function RulesCard({ set }: { set: RuleSet }) {
  const { t, i18n } = useTranslation();
  const rules = set.rules.filter((r) => !r.retired);
  const kinds = ['base', 'bonus', 'minus', 'veto'] as const;
  return (
    <section className="pm-card" aria-labelledby="ptm-rules" data-testid="m-points-rules">
      <h2 id="ptm-rules">{t('ptm.rules.title')}</h2>
      {set.published ? <span className="pm-meta">{t('ptm.rules.publishedAt', { org: set.orgUnitName, date: new Date(set.published.publishedAt).toLocaleDateString(i18n.language.startsWith('zh') ? 'zh-CN' : 'en-GB') })}</span> : null}
      {rules.length === 0 ? <Empty text={t('ptm.rules.none')} /> : kinds.map((k) => {
        const of = rules.filter((r) => r.kind === k);
        if (!of.length) return null;
        return (
          <div key={k}>
            <h3 className="ptm-kind">{t(`ptm.rules.kinds.${k}`)}</h3>
            <ul className="ptm-rules">
              {of.map((r) => <li key={r.code}><b>{r.name}</b><small>{ruleLine(r, t).join(' · ')}</small></li>)}
            </ul>
          </div>
        );
      })}
    </section>
  );
}
