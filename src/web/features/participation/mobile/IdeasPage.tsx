// /m/ideas, 金点子 (城市治理我建言): the town's ideas by support or newest, the quarter's top ten with the answers, and the
// resident's own; 点支持 once per person; 我出个主意 opens a short form (category, title, voice input for the rest).
import { useState } from 'react';
import { Button, Input, Popup, Selector, Tag, Toast } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../../lib/api.ts';
import { useApi } from '../../../lib/useApi.ts';
import { VoiceTextArea } from '../../../ui/elder/index.ts';
import { IDEA_CATEGORIES, PARTICIPATION_LIMITS, type IdeaCategory, type IdeaStatus } from '../../../../shared/participation.ts';
import { fetchTopIdeas, listIdeas, submitIdea, supportIdea, type Idea } from './api.ts';
import { dayOnly, Empty, Failed, Field, isNotInRegistry, Loading, ResidentPage } from './parts.tsx';

type Tab = 'hot' | 'newest' | 'top' | 'mine';
const STATUS_COLOUR: Record<IdeaStatus, string> = { submitted: '#b35c00', accepted: '#1d7f3c', rejected: '#5c6776', answered: '#1f6fd1' };

export function IdeasPage() {
  const { t } = useTranslation();
  const [tab, setTab] = useState<Tab>('hot');
  const [writing, setWriting] = useState(false);
  const [tick, setTick] = useState(0);
  return (
    <ResidentPage title={t('pm.ideas.title')} testId="m-ideas"
      footer={<Button color="primary" onClick={() => setWriting(true)} data-testid="m-idea-new">{t('pm.ideas.submit')}</Button>}>
      <p className="pm-intro">{t('pm.ideas.intro')}</p>
      <div className="pm-tabs" role="tablist" aria-label={t('pm.ideas.title')}>
        {(['hot', 'newest', 'top', 'mine'] as const).map((k) => (
          <button key={k} type="button" role="tab" aria-selected={tab === k} onClick={() => setTab(k)} data-testid={`m-ideas-tab-${k}`}>{t(`pm.ideas.tabs.${k}`)}</button>
        ))}
      </div>
      {tab === 'top' ? <TopTen /> : <IdeaList key={`${tab}-${tick}`} tab={tab} />}
      <IdeaSheet visible={writing} onClose={() => setWriting(false)} onDone={() => { setWriting(false); setTab('mine'); setTick((n) => n + 1); }} />
    </ResidentPage>
  );
}

function IdeaList({ tab }: { tab: Exclude<Tab, 'top'> }) {
  const { t } = useTranslation();
  const list = useApi((signal) => listIdeas(tab === 'mine' ? { mine: true, sort: 'newest' } : { sort: tab === 'hot' ? 'support' : 'newest' }, signal), [tab]);
  if (list.loading && !list.data) return <Loading />;
  if (list.error) return <Failed error={list.error} retry={list.reload} />;
  if (!list.data?.items.length) return <Empty text={t('pm.ideas.empty')} />;
  return <>{list.data.items.map((i) => <IdeaCard key={i.id} idea={i} reload={list.reload} />)}</>;
}

function IdeaCard({ idea, reload }: { idea: Idea; reload: () => void }) {
  const { t, i18n } = useTranslation();
  const [busy, setBusy] = useState(false);
  const support = async () => {
    setBusy(true);
    try { await supportIdea(idea.id); reload(); } catch (e) {
      Toast.show({ icon: 'fail', content: isNotInRegistry(e) ? t('pm.common.notInRegistry') : errorText(e, i18n.language) });
    } finally { setBusy(false); }
  };
  return (
    <article className="pm-card" data-testid="m-idea-row" data-id={idea.id}>
      <span className="pm-meta">
        <Tag color={STATUS_COLOUR[idea.status]} fill="outline">{t(`pm.ideas.status.${idea.status}`)}</Tag>
        {idea.category ? <span>{t(`pm.ideas.categories.${idea.category}`)}</span> : null}
        <span>{idea.mine ? t('pm.common.you') : idea.authorName}</span>
        <span>{dayOnly(idea.createdAt, i18n.language)}</span>
      </span>
      <h2>{idea.title}</h2>
      <p>{idea.body}</p>
      {idea.response ? <div className="pm-ok"><b>{t('pm.ideas.response')}：</b>{idea.response}</div> : null}
      <div className="pm-actions">
        <span style={{ fontWeight: 600 }}>{t('pm.ideas.supports', { count: idea.supportCount })}</span>
        {idea.supportedByMe ? <Button disabled fill="outline" color="success" size="small">✓ {t('pm.ideas.supported')}</Button>
          : idea.policies.includes('support') ? <Button size="small" color="primary" fill="outline" loading={busy} onClick={() => void support()} data-testid="m-idea-support">{t('pm.ideas.support')}</Button> : null}
      </div>
    </article>
  );
}

function TopTen() {
  const { t } = useTranslation();
  const top = useApi((signal) => fetchTopIdeas(signal), []);
  if (top.loading && !top.data) return <Loading />;
  if (top.error) return <Failed error={top.error} retry={top.reload} />;
  const d = top.data!;
  return (
    <section className="pm-card" aria-labelledby="pm-top" data-testid="m-top-ten">
      <h2 id="pm-top">{t('pm.ideas.topTitle', { quarter: quarterText(d.quarter, t) })}</h2>
      <span className="pm-meta">{d.townName} · {d.published ? t('pm.ideas.published') : t('pm.ideas.unpublished')}</span>
      {d.items.length === 0 ? <span className="pm-meta">{t('pm.ideas.noTop')}</span> : (
        <ol className="pm-agenda">
          {d.items.map((i) => (
            <li key={i.ideaId} data-testid="m-top-item">
              <b style={{ fontSize: 16 }}>{i.title}</b>
              <div className="pm-meta"><span>{i.authorName}</span><span>{t('pm.ideas.supports', { count: i.supportCount })}</span>
                {i.category ? <span>{t(`pm.ideas.categories.${i.category}`)}</span> : null}</div>
              {i.response ? <p style={{ fontSize: 14 }}><b>{t('pm.ideas.response')}：</b>{i.response}</p> : null}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

/** '2026Q4' → 2026 年第四季度 / Q4 2026 */
function quarterText(q: string, t: (k: string, o?: Record<string, unknown>) => string): string {
  const m = /^(\d{4})Q([1-4])$/.exec(q);
  if (!m) return q;
  return t('pm.ideas.quarter', { year: m[1], q: t(`pm.ideas.quarters.${m[2]}`) });
}

function IdeaSheet({ visible, onClose, onDone }: { visible: boolean; onClose: () => void; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const [category, setCategory] = useState<IdeaCategory>('environment');
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [busy, setBusy] = useState(false);
  const send = async () => {
    if (!title.trim()) { Toast.show({ content: t('pm.common.required', { field: t('pm.ideas.titleLabel') }) }); return; }
    if (!body.trim()) { Toast.show({ content: t('pm.common.required', { field: t('pm.ideas.body') }) }); return; }
    setBusy(true);
    try {
      await submitIdea({ category, title: title.trim(), body: body.trim() });
      Toast.show({ icon: 'success', content: t('pm.ideas.submitted') });
      setTitle(''); setBody('');
      onDone();
    } catch (e) {
      Toast.show({ icon: 'fail', content: isNotInRegistry(e) ? t('pm.common.notInRegistry') : errorText(e, i18n.language) });
    } finally { setBusy(false); }
  };
  return (
    <Popup visible={visible} onMaskClick={onClose} bodyStyle={{ borderTopLeftRadius: 16, borderTopRightRadius: 16, padding: 16, maxHeight: '90vh', overflowY: 'auto' }}>
      <div className="pm-form" data-testid="m-idea-sheet" role="dialog" aria-labelledby="pm-idea-title">
        <h2 id="pm-idea-title" style={{ margin: 0, fontSize: 18 }}>{t('pm.ideas.submitTitle')}</h2>
        <div className="pm-field">
          <span className="pm-label" id="pm-idea-cat">{t('pm.ideas.category')}</span>
          <Selector aria-labelledby="pm-idea-cat" columns={3} value={[category]} onChange={(v) => { if (v[0]) setCategory(v[0]); }}
            options={IDEA_CATEGORIES.map((c) => ({ label: t(`pm.ideas.categories.${c}`), value: c }))} />
        </div>
        <Field label={t('pm.ideas.titleLabel')} htmlFor="pm-idea-t" required>
          <Input id="pm-idea-t" value={title} onChange={setTitle} maxLength={PARTICIPATION_LIMITS.title} placeholder={t('pm.ideas.titlePh')} />
        </Field>
        <Field label={t('pm.ideas.body')} htmlFor="pm-idea-b" required>
          <VoiceTextArea id="pm-idea-b" value={body} onChange={setBody} maxLength={PARTICIPATION_LIMITS.body} placeholder={t('pm.ideas.bodyPh')} />
        </Field>
        <div className="pm-actions">
          <Button onClick={onClose} style={{ flex: 1 }}>{t('pm.common.cancel')}</Button>
          <Button color="primary" loading={busy} onClick={() => void send()} style={{ flex: 2 }} data-testid="m-idea-send">{t('pm.common.submit')}</Button>
        </div>
      </div>
    </Popup>
  );
}
