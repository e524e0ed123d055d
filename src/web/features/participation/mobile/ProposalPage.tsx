// /m/proposals/:id: one proposal — what it asks, where it stands, the decision and who carries it out, the result;
// 支持 (once per person), comments (voice input), and stars for a done one's result (once per person).
import { useState } from 'react';
import { Button, Toast } from 'antd-mobile';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../../lib/api.ts';
import { useApi } from '../../../lib/useApi.ts';
import { VoiceTextArea } from '../../../ui/elder/index.ts';
import { PARTICIPATION_LIMITS } from '../../../../shared/participation.ts';
import { commentProposal, fetchProposal, rateProposal, supportProposal, type ProposalDetail } from './api.ts';
import { dayOnly, dayTime, Failed, Field, isNotInRegistry, Loading, ProposalStatusTag, ResidentPage } from './parts.tsx';

export function ProposalPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const p = useApi((signal) => fetchProposal(id, signal), [id]);
  return (
    <ResidentPage title={t('pm.proposals.title')} back="/m/proposals" testId="m-proposal">
      {p.loading && !p.data ? <Loading /> : p.error ? <Failed error={p.error} retry={p.reload} />
        : p.data ? <ProposalView p={p.data} reload={p.reload} /> : null}
    </ResidentPage>
  );
}

function ProposalView({ p, reload }: { p: ProposalDetail; reload: () => void }) {
  const { t, i18n } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const act = async (fn: () => Promise<unknown>, ok: string) => {
    setBusy(true);
    try {
      await fn();
      Toast.show({ icon: 'success', content: ok });
      reload();
      return true;
    } catch (e) {
      if (isNotInRegistry(e)) setNotice(t('pm.common.notInRegistry'));
      else Toast.show({ icon: 'fail', content: errorText(e, i18n.language) });
      return false;
    } finally { setBusy(false); }
  };
  return (
    <>
      <article className="pm-card" data-testid="m-proposal-card">
        <h2>{p.title}</h2>
        <span className="pm-meta"><ProposalStatusTag status={p.status} /><span>{t('pm.proposals.from', { council: p.councilName, time: dayOnly(p.createdAt, i18n.language) })}</span></span>
        <p>{p.body}</p>
        <span className="pm-meta"><span>{p.proposerName}</span></span>
        <div className="pm-actions">
          <span style={{ fontSize: 16, fontWeight: 600 }} data-testid="m-support-count">{t('pm.proposals.supports', { count: p.supportCount })}</span>
          {p.supportedByMe ? <Button disabled fill="outline" color="success" data-testid="m-supported">✓ {t('pm.proposals.supported')}</Button>
            : p.policies.includes('support') ? (
              <Button color="primary" loading={busy} data-testid="m-support"
                onClick={() => void act(() => supportProposal(p.id), t('pm.proposals.supportDone'))}>{t('pm.proposals.support')}</Button>
            ) : null}
        </div>
      </article>
      {notice ? <div className="pm-note" role="alert">{notice}</div> : null}
      {p.decision || p.result || p.status === 'sentUp' || p.status === 'rejected' ? (
        <section className="pm-card" aria-labelledby="pm-decision">
          <h3 id="pm-decision">{t('pm.proposals.decision')}</h3>
          {p.decision ? <p>{p.decision}</p> : null}
          {p.ownerName ? <span className="pm-meta"><span>{t('pm.proposals.owner')}：{p.ownerName}</span>{p.dueOn ? <span>{t('pm.proposals.dueOn')}：{p.dueOn}</span> : null}</span> : null}
          {p.status === 'sentUp' ? <p>{t('pm.proposals.sentUp')}</p> : null}
          {p.result ? <><h3>{t('pm.proposals.result')}</h3><p data-testid="m-proposal-result">{p.result}</p></> : null}
          {p.ratingCount > 0 && p.ratingAverage !== null ? <span className="pm-meta">{t('pm.proposals.ratingAvg', { avg: p.ratingAverage, count: p.ratingCount })}</span> : null}
        </section>
      ) : null}
      {p.myRating ? <div className="pm-ok">{t('pm.proposals.rated', { stars: p.myRating })}</div>
        : p.policies.includes('rate') ? <RateBox onRate={(stars, comment) => act(() => rateProposal(p.id, stars, comment), t('pm.proposals.rateDone'))} busy={busy} /> : null}
      <section className="pm-card" aria-labelledby="pm-comments">
        <h3 id="pm-comments">{t('pm.proposals.commentsTitle')}</h3>
        {p.comments.length === 0 ? <span className="pm-meta">{t('pm.proposals.noComments')}</span> : p.comments.map((c) => (
          <div className="pm-comment" key={c.id} data-testid="m-comment"><b>{c.mine ? t('pm.common.you') : c.authorName}</b><span>{dayTime(c.at, i18n.language)}</span><p>{c.body}</p></div>
        ))}
        {p.policies.includes('comment') ? <CommentBox onSend={(body) => act(() => commentProposal(p.id, body), t('pm.common.sent'))} busy={busy} /> : null}
      </section>
      {p.timeline.length > 0 ? (
        <section className="pm-card" aria-labelledby="pm-timeline">
          <h3 id="pm-timeline">{t('pm.proposals.timeline')}</h3>
          {p.timeline.filter((e) => !e.action.startsWith('support')).map((e, i) => (
            <div className="pm-comment" key={`${e.at}-${i}`} data-testid="m-proposal-event">
              <b>{t(`pm.proposals.events.${e.action}`, { defaultValue: t('pm.proposals.events.other') })}</b>
              <span>{dayTime(e.at, i18n.language)}{e.byName ? ` · ${e.byName}` : ''}</span>{e.note ? <p>{e.note}</p> : null}
            </div>
          ))}
        </section>
      ) : null}
    </>
  );
}

export function CommentBox({ onSend, busy, placeholder, label }: { onSend: (body: string) => Promise<boolean>; busy: boolean; placeholder?: string; label?: string }) {
  const { t } = useTranslation();
  const [body, setBody] = useState('');
  return (
    <div className="pm-form" style={{ marginTop: 6 }}>
      <Field label={label ?? t('pm.proposals.comment')} htmlFor="pm-comment-body">
        <VoiceTextArea id="pm-comment-body" value={body} onChange={setBody} rows={3} maxLength={PARTICIPATION_LIMITS.comment}
          placeholder={placeholder ?? t('pm.proposals.commentPh')} testId="m-comment-input" />
      </Field>
      <Button color="primary" fill="outline" loading={busy} disabled={!body.trim()} data-testid="m-comment-send"
        onClick={() => void onSend(body.trim()).then((ok) => { if (ok) setBody(''); })}>{t('pm.proposals.sendComment')}</Button>
    </div>
  );
}

function RateBox({ onRate, busy }: { onRate: (stars: number, comment: string | null) => Promise<boolean>; busy: boolean }) {
  const { t } = useTranslation();
  const [stars, setStars] = useState(0);
  const [comment, setComment] = useState('');
  return (
    <section className="pm-card pm-form" aria-labelledby="pm-rate" data-testid="m-rate">
      <h3 id="pm-rate">{t('pm.proposals.rate')}</h3>
      <div className="pm-stars" role="radiogroup" aria-labelledby="pm-rate">
        {[1, 2, 3, 4, 5].map((n) => (
          <button key={n} type="button" role="radio" aria-checked={n === stars} data-on={n <= stars} aria-label={t('pm.proposals.stars', { count: n })} onClick={() => setStars(n)} data-testid={`m-star-${n}`}>★</button>
        ))}
      </div>
      <Field label={t('pm.proposals.rateComment')} htmlFor="pm-rate-comment">
        <VoiceTextArea id="pm-rate-comment" value={comment} onChange={setComment} rows={2} maxLength={PARTICIPATION_LIMITS.comment} />
      </Field>
      <Button color="primary" disabled={!stars} loading={busy} onClick={() => void onRate(stars, comment.trim() || null)} data-testid="m-rate-send">{t('pm.common.submit')}</Button>
    </section>
  );
}
