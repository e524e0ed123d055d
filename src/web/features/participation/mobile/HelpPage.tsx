// /m/help, 邻里互助 (家事): the resident's own requests for a hand and where each stands (who took it), a short form to
// ask (voice input), and 不用帮了 on one still waiting.
import { useState } from 'react';
import { Button, Dialog, Input, Popup, Tag, Toast } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../../lib/api.ts';
import { useApi } from '../../../lib/useApi.ts';
import { VoiceTextArea } from '../../../ui/elder/index.ts';
import { VOLUNTEER_LIMITS, type HelpStatus } from '../../../../shared/volunteers.ts';
import { askHelp, cancelHelp, listMyHelp, type Help } from './api.ts';
import { dayOnly, Empty, Failed, Field, isNotInRegistry, Loading, ResidentPage } from './parts.tsx';

const COLOUR: Record<HelpStatus, string> = { open: '#b35c00', taken: '#1f6fd1', done: '#1d7f3c', cancelled: '#5c6776' };

export function HelpPage() {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  const list = useApi((signal) => listMyHelp(signal), []);
  const mine = (list.data?.items ?? []).filter((h) => h.mine);
  const taken = (list.data?.items ?? []).filter((h) => !h.mine);
  const canAsk = list.data?.policies.includes('create') ?? true;
  return (
    <ResidentPage title={t('pm.help.title')} testId="m-help"
      footer={canAsk ? <Button color="primary" onClick={() => setAsking(true)} data-testid="m-help-ask">{t('pm.help.ask')}</Button> : undefined}>
      <p className="pm-intro">{t('pm.help.intro')}</p>
      {list.loading && !list.data ? <Loading /> : list.error ? <Failed error={list.error} retry={list.reload} /> : (
        <>
          <h2 className="pm-section-title">{t('pm.help.mine')}</h2>
          {mine.length === 0 ? <Empty text={t('pm.help.empty')} /> : mine.map((h) => <HelpCard key={h.id} h={h} reload={list.reload} />)}
          {taken.length ? <><h2 className="pm-section-title">{t('pm.help.nearby')}</h2>{taken.map((h) => <HelpCard key={h.id} h={h} reload={list.reload} />)}</> : null}
        </>
      )}
      <AskSheet visible={asking} onClose={() => setAsking(false)} onDone={() => { setAsking(false); list.reload(); }} />
    </ResidentPage>
  );
}

function HelpCard({ h, reload }: { h: Help; reload: () => void }) {
  const { t, i18n } = useTranslation();
  const cancel = async () => {
    const sure = await Dialog.confirm({ content: t('pm.help.cancelAsk'), confirmText: t('pm.help.cancelAsk'), cancelText: t('pm.common.back') });
    if (!sure) return;
    try { await cancelHelp(h.id, t('pm.help.cancelAsk')); Toast.show({ icon: 'success', content: t('pm.help.cancelled') }); reload(); } catch (e) {
      Toast.show({ icon: 'fail', content: errorText(e, i18n.language) });
    }
  };
  return (
    <article className="pm-card" data-testid="m-help-row">
      <span className="pm-meta"><Tag color={COLOUR[h.status]} fill="outline">{t(`pm.help.status.${h.status}`)}</Tag><span>{dayOnly(h.createdAt, i18n.language)}</span></span>
      <h3>{h.title}</h3>
      <p>{h.description}</p>
      {h.helperName || h.helperTeamName ? <span className="pm-meta">{t('pm.help.helper', { name: [h.helperName, h.helperTeamName].filter(Boolean).join(' · ') })}</span> : null}
      {h.doneNote ? <p style={{ fontSize: 14 }}>{h.doneNote}</p> : null}
      {h.mine && h.policies.includes('cancel') ? <div className="pm-actions"><Button size="small" fill="outline" onClick={() => void cancel()}>{t('pm.help.cancelAsk')}</Button></div> : null}
    </article>
  );
}

function AskSheet({ visible, onClose, onDone }: { visible: boolean; onClose: () => void; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [busy, setBusy] = useState(false);
  const send = async () => {
    if (!title.trim()) { Toast.show({ content: t('pm.common.required', { field: t('pm.help.what') }) }); return; }
    if (!body.trim()) { Toast.show({ content: t('pm.common.required', { field: t('pm.help.detail') }) }); return; }
    setBusy(true);
    try {
      await askHelp({ title: title.trim(), description: body.trim() });
      Toast.show({ icon: 'success', content: t('pm.help.asked') });
      setTitle(''); setBody('');
      onDone();
    } catch (e) {
      Toast.show({ icon: 'fail', content: isNotInRegistry(e) ? t('pm.common.notInRegistry') : errorText(e, i18n.language) });
    } finally { setBusy(false); }
  };
  return (
    <Popup visible={visible} onMaskClick={onClose} bodyStyle={{ borderTopLeftRadius: 16, borderTopRightRadius: 16, padding: 16, maxHeight: '90vh', overflowY: 'auto' }}>
      <div className="pm-form" role="dialog" aria-labelledby="pm-help-title">
        <h2 id="pm-help-title" style={{ margin: 0, fontSize: 18 }}>{t('pm.help.askTitle')}</h2>
        <Field label={t('pm.help.what')} htmlFor="pm-help-t" required>
          <Input id="pm-help-t" value={title} onChange={setTitle} maxLength={VOLUNTEER_LIMITS.title} placeholder={t('pm.help.whatPh')} />
        </Field>
        <Field label={t('pm.help.detail')} htmlFor="pm-help-b" required>
          <VoiceTextArea id="pm-help-b" value={body} onChange={setBody} maxLength={VOLUNTEER_LIMITS.body} placeholder={t('pm.help.detailPh')} />
        </Field>
        <div className="pm-actions">
          <Button onClick={onClose} style={{ flex: 1 }}>{t('pm.common.cancel')}</Button>
          <Button color="primary" loading={busy} onClick={() => void send()} style={{ flex: 2 }}>{t('pm.common.submit')}</Button>
        </div>
      </div>
    </Popup>
  );
}
