// /m/say, 我有事说: a resident tells the community about something (a title, what happened — by voice where the phone
// offers it — and where), sees the system's first sorting into 公事 / 共事 / 家事 with its reasons, and below, what they
// told before and where each went (a case, a proposal, a help request).
import { useState } from 'react';
import { Button, Input, Tag, Toast } from 'antd-mobile';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../../lib/api.ts';
import { useApi } from '../../../lib/useApi.ts';
import { VoiceTextArea } from '../../../ui/elder/index.ts';
import { PARTICIPATION_LIMITS } from '../../../../shared/participation.ts';
import { classReasonEn } from '../../../../domain/participation/classing.ts';
import { listMyMatters, submitMatter, type Matter, type MatterDetail } from './api.ts';
import { dayOnly, Failed, Field, isNotInRegistry, Loading, ResidentPage } from './parts.tsx';

export function SayPage() {
  const { t, i18n } = useTranslation();
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [address, setAddress] = useState('');
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<MatterDetail | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const mine = useApi((signal) => listMyMatters(signal), []);
  const send = async () => {
    if (!title.trim()) { Toast.show({ content: t('pm.common.required', { field: t('pm.say.what') }) }); return; }
    if (!body.trim()) { Toast.show({ content: t('pm.common.required', { field: t('pm.say.detail') }) }); return; }
    setBusy(true);
    try {
      const m = await submitMatter({ title: title.trim(), description: body.trim(), address: address.trim() || null });
      setDone(m);
      setTitle(''); setBody(''); setAddress('');
      mine.reload();
      window.scrollTo(0, 0);
    } catch (e) {
      if (isNotInRegistry(e)) setNotice(t('pm.common.notInRegistry'));
      else Toast.show({ icon: 'fail', content: errorText(e, i18n.language) });
    } finally { setBusy(false); }
  };
  return (
    <ResidentPage title={t('pm.say.title')} testId="m-say"
      footer={<Button color="primary" loading={busy} onClick={() => void send()} data-testid="m-say-send">{t('pm.say.submit')}</Button>}>
      {done ? (
        <div className="pm-ok" role="status" data-testid="m-say-done">
          <b>{t('pm.say.done')}</b><br />
          {t('pm.say.suggested', { class: t(`pm.say.classes.${done.suggestedClass}`) })}<br />
          {done.suggestionReasons.length ? <>{t('pm.say.reasons', { reasons: done.suggestionReasons.map((r) => (i18n.language.startsWith('zh') ? r : classReasonEn(r))).join(i18n.language.startsWith('zh') ? '；' : '; ') })}<br /></> : null}
          {t('pm.say.next')}
        </div>
      ) : <p className="pm-intro">{t('pm.say.intro')}</p>}
      {notice ? <div className="pm-note" role="alert">{notice}</div> : null}
      <section className="pm-card pm-form">
        <Field label={t('pm.say.what')} htmlFor="pm-say-title" required>
          <Input id="pm-say-title" value={title} onChange={setTitle} maxLength={PARTICIPATION_LIMITS.title} placeholder={t('pm.say.whatPh')} />
        </Field>
        <Field label={t('pm.say.detail')} htmlFor="pm-say-body" required>
          <VoiceTextArea id="pm-say-body" value={body} onChange={setBody} maxLength={PARTICIPATION_LIMITS.body} placeholder={t('pm.say.detailPh')} testId="m-say-body" />
        </Field>
        <Field label={t('pm.say.address')} htmlFor="pm-say-address">
          <Input id="pm-say-address" value={address} onChange={setAddress} maxLength={200} placeholder={t('pm.say.addressPh')} />
        </Field>
      </section>
      <h2 className="pm-section-title">{t('pm.say.mine')}</h2>
      {mine.loading && !mine.data ? <Loading /> : mine.error ? <Failed error={mine.error} retry={mine.reload} />
        : !mine.data?.items.length ? <span className="pm-meta">{t('pm.say.mineEmpty')}</span>
        : mine.data.items.map((m) => <MatterRow key={m.id} m={m} />)}
    </ResidentPage>
  );
}

function MatterRow({ m }: { m: Matter }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const cls = m.class ?? null;
  return (
    <article className="pm-card" data-testid="m-matter-row">
      <h3>{m.title}</h3>
      <span className="pm-meta">
        <Tag color={m.status === 'new' ? '#b35c00' : '#1d7f3c'} fill="outline">{t(`pm.say.status.${m.status}`)}</Tag>
        {cls ? <Tag color="#1f6fd1" fill="outline">{t(`pm.say.classShort.${cls}`)}</Tag> : null}
        <span>{dayOnly(m.createdAt, i18n.language)}</span>
      </span>
      {m.links.proposalId ? <Button size="small" fill="outline" onClick={() => navigate(`/m/proposals/${m.links.proposalId}`)}>{t('pm.say.goProposal')}</Button> : null}
      {m.links.helpRequestId ? <Button size="small" fill="outline" onClick={() => navigate('/m/help')}>{t('pm.say.goHelp')}</Button> : null}
      {m.links.caseId ? <Button size="small" fill="outline" onClick={() => navigate(`/m/cases/${m.links.caseId}`)}>{m.links.caseNumber ?? ''}</Button> : null}
    </article>
  );
}
