// /m/meetings/:id, one meeting — a 云坝会 on the phone or a 坝坝议事 on site: the agenda, joining (online) and sign-in
// state, the votes with their rules said in plain words (and the notice when the electorate was loosened), the choice,
// a confirmation that says it cannot be changed, the result once closed; comments (voice input) and the minutes.
import { useState } from 'react';
import { Button, Dialog, Tag, Toast } from 'antd-mobile';
import { useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../../lib/api.ts';
import { useApi } from '../../../lib/useApi.ts';
import { attend, commentMeeting, fetchMeeting, vote, type MeetingDetail, type Motion } from './api.ts';
import { MEETING_COLOUR } from './MeetingsPage.tsx';
import { CommentBox } from './ProposalPage.tsx';
import { dayTime, Failed, isNotInRegistry, Loading, optionText, ProposalStatusTag, ResidentPage, rulesInPlainWords } from './parts.tsx';

export function MeetingPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const m = useApi((signal) => fetchMeeting(id, signal), [id]);
  return (
    <ResidentPage title={m.data ? t(`pm.meetings.kinds.${m.data.kind}`) : t('pm.meetings.title')} back="/m/meetings" testId="m-meeting">
      {m.loading && !m.data ? <Loading /> : m.error ? <Failed error={m.error} retry={m.reload} />
        : m.data ? <MeetingView m={m.data} reload={m.reload} /> : null}
    </ResidentPage>
  );
}

function MeetingView({ m, reload }: { m: MeetingDetail; reload: () => void }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const guard = async (fn: () => Promise<unknown>, ok: string) => {
    setBusy(true);
    try {
      await fn();
      Toast.show({ icon: 'success', content: ok });
      reload();
      return true;
    } catch (e) {
      if (isNotInRegistry(e)) setNotice(t('pm.common.notInRegistry'));
      else Toast.show({ icon: 'fail', content: errorText(e, i18n.language) });
      reload();
      return false;
    } finally { setBusy(false); }
  };
  const join = () => guard(async () => {
    const a = await attend(m.id);
    if (a.points) Toast.show({ icon: 'success', content: t('pm.meetings.joinedPoints', { points: a.points }) });
  }, t('pm.meetings.joined'));
  return (
    <>
      <article className="pm-card" data-testid="m-meeting-card">
        <span className="pm-meta">
          <Tag color={m.kind === 'online' ? '#7a4fc4' : '#b35c00'} fill="solid">{t(`pm.meetings.kinds.${m.kind}`)}</Tag>
          <Tag color={MEETING_COLOUR[m.status]} fill="outline">{t(`pm.meetings.status.${m.status}`)}</Tag>
        </span>
        <h2>{m.title}</h2>
        <dl className="pm-dl">
          <dt>{t('pm.meetings.when')}</dt><dd>{dayTime(m.startsAt, i18n.language)} – {dayTime(m.endsAt, i18n.language)}</dd>
          <dt>{t('pm.meetings.council')}</dt><dd>{m.councilName}</dd>
          {m.place ? <><dt>{t('pm.meetings.place')}</dt><dd>{m.place}</dd></> : null}
          {m.hostName ? <><dt>{t('pm.meetings.host')}</dt><dd>{m.hostName}</dd></> : null}
        </dl>
        <div className="pm-actions">
          <span className="pm-meta">{t('pm.meetings.attendance', { count: m.attendance.count })}</span>
          {m.attendance.mine ? <Tag color="success" fill="outline" data-testid="m-attended">✓ {m.kind === 'online' ? t('pm.meetings.joined') : t('pm.meetings.checkedIn')}</Tag>
            : m.kind === 'online' && m.policies.includes('attend') ? <Button color="primary" loading={busy} onClick={() => void join()} data-testid="m-join">{t('pm.meetings.joinOnline')}</Button>
            : null}
        </div>
      </article>
      {notice ? <div className="pm-note" role="alert">{notice}</div> : null}
      <section className="pm-card" aria-labelledby="pm-agenda">
        <h3 id="pm-agenda">{t('pm.meetings.agenda')}</h3>
        {m.agenda.length === 0 ? <span className="pm-meta">{t('pm.meetings.noAgenda')}</span> : (
          <ol className="pm-agenda">
            {m.agenda.map((a) => (
              <li key={a.proposalId}>
                <button type="button" className="pm-row-link" onClick={() => navigate(`/m/proposals/${a.proposalId}`)}>
                  <span style={{ fontSize: 16, color: '#1d2b3a' }}>{a.title}</span>
                  <span className="pm-meta"><ProposalStatusTag status={a.status} /><span>{t('pm.proposals.supports', { count: a.supportCount })}</span></span>
                </button>
              </li>
            ))}
          </ol>
        )}
      </section>
      {m.motions.map((mo) => <MotionCard key={mo.id} meetingId={m.id} motion={mo} busy={busy} guard={guard} />)}
      <section className="pm-card" aria-labelledby="pm-mcomments">
        <h3 id="pm-mcomments">{t('pm.meetings.comments')}</h3>
        {m.comments.length === 0 ? <span className="pm-meta">{t('pm.meetings.noComments')}</span> : m.comments.map((c) => (
          <div className="pm-comment" key={c.id} data-testid="m-comment"><b>{c.mine ? t('pm.common.you') : c.authorName}</b><span>{dayTime(c.at, i18n.language)}</span><p>{c.body}</p></div>
        ))}
        {m.policies.includes('comment') ? (
          <CommentBox label={t('pm.meetings.send')} placeholder={t('pm.meetings.commentPh')} busy={busy}
            onSend={(body) => guard(() => commentMeeting(m.id, body), t('pm.common.sent'))} />
        ) : null}
      </section>
      {m.status === 'closed' ? (
        <section className="pm-card" aria-labelledby="pm-minutes">
          <h3 id="pm-minutes">{t('pm.meetings.minutes')}</h3>
          <p data-testid="m-minutes">{m.minutes ?? t('pm.meetings.noMinutes')}</p>
        </section>
      ) : null}
    </>
  );
}

function MotionCard({ meetingId, motion: mo, busy, guard }: {
  meetingId: string; motion: Motion; busy: boolean; guard: (fn: () => Promise<unknown>, ok: string) => Promise<boolean>;
}) {
  const { t, i18n } = useTranslation();
  const [choice, setChoice] = useState<string | null>(null);
  const open = mo.status === 'open';
  const cast = async () => {
    if (!choice) return;
    const sure = await Dialog.confirm({
      title: t('pm.vote.confirmTitle', { choice: optionText(choice, t) }), content: t('pm.vote.confirmBody'),
      confirmText: t('pm.vote.confirm'), cancelText: t('pm.common.cancel'),
    });
    if (sure) await guard(() => vote(meetingId, mo.id, choice), t('pm.vote.counted'));
  };
  const headId = `pm-motion-${mo.id}`;
  return (
    <section className="pm-card" aria-labelledby={headId} data-testid="m-motion" data-id={mo.id} data-status={mo.status}>
      <span className="pm-meta"><Tag color={open ? '#b8281c' : '#5c6776'} fill="outline">{t('pm.vote.title')}</Tag>
        <span>{open ? t('pm.vote.closesAt', { time: dayTime(mo.closesAt, i18n.language) }) : t('pm.vote.closed')}</span></span>
      <h3 id={headId}>{mo.title}</h3>
      {mo.notice ? <div className="pm-note" role="note" data-testid="m-loosened"><b>{t('pm.vote.loosened')}：</b>{mo.notice}</div> : null}
      <details className="pm-how" open={open && !mo.myVote.voted}>
        <summary>{t('pm.vote.howTitle')}</summary>
        <ul className="pm-rules" data-testid="m-rules">{rulesInPlainWords(mo.rules, t).map((r) => <li key={r}>{r}</li>)}</ul>
      </details>
      <span className="pm-meta">{t('pm.vote.cast', { count: mo.castCount, electorate: mo.electorateSize })}</span>
      {mo.myVote.voted ? (
        <div className="pm-ok" data-testid="m-voted">
          {mo.myVote.choice ? t('pm.vote.votedChoice', { choice: optionText(mo.myVote.choice, t) }) : mo.rules.secret ? t('pm.vote.votedSecret') : t('pm.vote.voted')}
          {mo.myVote.channel && mo.myVote.channel !== 'phone' ? `（${t(`pm.vote.channels.${mo.myVote.channel}`)}）` : ''}
        </div>
      ) : open && mo.eligibility && !mo.eligibility.eligible ? (
        <div className="pm-note" data-testid="m-not-eligible">{t('pm.vote.notEligible')}{mo.eligibility.reason ? `：${mo.eligibility.reason}` : ''}</div>
      ) : open && mo.policies.includes('vote') ? (
        <div className="pm-form">
          <div className="pm-choices" role="radiogroup" aria-label={t('pm.vote.choose')}>
            {mo.options.map((o) => (
              <button key={o} type="button" role="radio" aria-checked={choice === o} className="pm-choice" onClick={() => setChoice(o)} data-testid={`m-choice-${o}`}>
                {optionText(o, t)}
              </button>
            ))}
          </div>
          <Button color="primary" size="large" disabled={!choice} loading={busy} onClick={() => void cast()} data-testid="m-vote">{t('pm.vote.confirm')}</Button>
        </div>
      ) : null}
      {mo.result ? <Result motion={mo} /> : null}
    </section>
  );
}

function Result({ motion: mo }: { motion: Motion }) {
  const { t } = useTranslation();
  const r = mo.result!;
  return (
    <div className="pm-result" data-testid="m-result">
      <b style={{ fontSize: 16, color: r.passed ? '#1d7f3c' : '#b02a1e' }}>{t('pm.vote.result')}：{r.passed ? t('pm.vote.passed') : t('pm.vote.failed')}</b>
      {!r.quorumMet ? <span className="pm-meta">{t('pm.vote.quorumMissed')}</span> : null}
      {mo.options.map((o) => {
        const n = r.tally[o] ?? 0;
        return (
          <div className="pm-bar" key={o}>
            <span>{optionText(o, t)}</span>
            <span className="pm-bar-track" aria-hidden><span className="pm-bar-fill" style={{ display: 'block', width: `${r.cast ? (100 * n) / r.cast : 0}%` }} /></span>
            <span>{n}</span>
          </div>
        );
      })}
    </div>
  );
}
