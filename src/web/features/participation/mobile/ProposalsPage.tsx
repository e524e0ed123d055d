// /m/proposals, 议事厅: the proposals of the resident's councils (grid, community, town), filtered by where they stand;
// 我要提议 opens a short form (voice input for the idea). One tap opens a proposal to support, comment or rate it.
import { useState } from 'react';
import { Button, Input, Popup, Toast } from 'antd-mobile';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../../lib/api.ts';
import { useApi } from '../../../lib/useApi.ts';
import { VoiceTextArea } from '../../../ui/elder/index.ts';
import { PARTICIPATION_LIMITS, type ProposalStatus } from '../../../../shared/participation.ts';
import { listProposals, propose, type Proposal } from './api.ts';
import { dayOnly, Empty, Failed, Field, Loading, ProposalStatusTag, ResidentPage } from './parts.tsx';

const FILTERS: Record<string, ProposalStatus[] | null> = {
  all: null, open: ['open', 'scheduled'], going: ['decided', 'inProgress'], done: ['done'],
};

export function ProposalsPage() {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<keyof typeof FILTERS>('all');
  const [proposing, setProposing] = useState(false);
  const list = useApi((signal) => listProposals({}, signal), []);
  const shown = (list.data?.items ?? []).filter((p) => !FILTERS[filter] || FILTERS[filter]!.includes(p.status));
  const canCreate = list.data?.policies.includes('create') ?? false;
  return (
    <ResidentPage title={t('pm.proposals.title')} testId="m-proposals"
      footer={canCreate ? <Button color="primary" onClick={() => setProposing(true)} data-testid="m-propose">{t('pm.proposals.propose')}</Button> : undefined}>
      <p className="pm-intro">{t('pm.proposals.intro')}</p>
      <div className="pm-tabs" role="tablist" aria-label={t('pm.proposals.title')}>
        {Object.keys(FILTERS).map((k) => (
          <button key={k} type="button" role="tab" aria-selected={filter === k} onClick={() => setFilter(k)} data-testid={`m-proposals-filter-${k}`}>
            {t(`pm.proposals.filter.${k}`)}
          </button>
        ))}
      </div>
      {list.loading && !list.data ? <Loading /> : list.error ? <Failed error={list.error} retry={list.reload} />
        : shown.length === 0 ? <Empty text={t('pm.proposals.empty')} />
        : shown.map((p) => <ProposalCard key={p.id} p={p} />)}
      <ProposeSheet visible={proposing} onClose={() => setProposing(false)} />
    </ResidentPage>
  );
}

function ProposalCard({ p }: { p: Proposal }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  return (
    <article className="pm-card" data-testid="m-proposal-row" data-id={p.id}>
      <button type="button" className="pm-row-link" onClick={() => navigate(`/m/proposals/${p.id}`)}>
        <h2>{p.title}</h2>
        <span className="pm-meta">
          <ProposalStatusTag status={p.status} />
          <span>{p.councilName}</span>
          <span>{dayOnly(p.createdAt, i18n.language)}</span>
        </span>
        <span className="pm-meta">
          <span>{t('pm.proposals.supports', { count: p.supportCount })}</span>
          <span>{t('pm.proposals.comments', { count: p.commentCount })}</span>
          {p.supportedByMe ? <span style={{ color: '#1d7f3c' }}>✓ {t('pm.proposals.supported')}</span> : null}
        </span>
      </button>
    </article>
  );
}

function ProposeSheet({ visible, onClose }: { visible: boolean; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [busy, setBusy] = useState(false);
  const send = async () => {
    if (!title.trim()) { Toast.show({ content: t('pm.common.required', { field: t('pm.proposals.titleLabel') }) }); return; }
    if (!body.trim()) { Toast.show({ content: t('pm.common.required', { field: t('pm.proposals.body') }) }); return; }
    setBusy(true);
    try {
      const p = await propose({ title: title.trim(), body: body.trim() });
      Toast.show({ icon: 'success', content: t('pm.proposals.proposed') });
      onClose();
      navigate(`/m/proposals/${p.id}`);
    } catch (e) {
      Toast.show({ icon: 'fail', content: errorText(e, i18n.language) });
    } finally { setBusy(false); }
  };
  return (
    <Popup visible={visible} onMaskClick={onClose} bodyStyle={{ borderTopLeftRadius: 16, borderTopRightRadius: 16, padding: 16, maxHeight: '90vh', overflowY: 'auto' }}>
      <div className="pm-form" data-testid="m-propose-sheet" role="dialog" aria-labelledby="pm-propose-title">
        <h2 id="pm-propose-title" style={{ margin: 0, fontSize: 18 }}>{t('pm.proposals.proposeTitle')}</h2>
        <Field label={t('pm.proposals.titleLabel')} htmlFor="pm-propose-t" required>
          <Input id="pm-propose-t" value={title} onChange={setTitle} maxLength={PARTICIPATION_LIMITS.title} placeholder={t('pm.proposals.titlePh')} />
        </Field>
        <Field label={t('pm.proposals.body')} htmlFor="pm-propose-b" required>
          <VoiceTextArea id="pm-propose-b" value={body} onChange={setBody} maxLength={PARTICIPATION_LIMITS.body} placeholder={t('pm.proposals.bodyPh')} />
        </Field>
        <div className="pm-actions">
          <Button onClick={onClose} style={{ flex: 1 }}>{t('pm.common.cancel')}</Button>
          <Button color="primary" loading={busy} onClick={() => void send()} style={{ flex: 2 }} data-testid="m-propose-send">{t('pm.common.submit')}</Button>
        </div>
      </div>
    </Popup>
  );
}
