// One dispute: what happened, its parties (masked; 查看完整信息 for those allowed, audited), the risk with the rules'
// reasons, the tier and handling unit, its work order in the case loop, the mediations with their 人民调解协议书 (Word /
// PDF) and signed scan, the follow-ups, the pushes to other units with their replies, the flare-up chain and the
// timeline; the actions the caller may take now (the detail's policies).
import { useEffect, useState } from 'react';
import { App, Button, Card, Descriptions, Dropdown, Empty, Image, Space, Table, Tag, Timeline, Typography, Upload } from 'antd';
import type { MenuProps, TableColumnsType } from 'antd';
import {
  ArrowLeftOutlined, AuditOutlined, DownloadOutlined, EyeOutlined, FileProtectOutlined, MoreOutlined, PhoneOutlined, SendOutlined, UploadOutlined,
} from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { ErrorState } from '../../ui/ErrorState.tsx';
import { errorText } from '../../lib/api.ts';
import { CaseDrawer, StatusTag as CaseStatusTag } from '../cases/desktop/public.ts';
import type { CaseStatus } from '../../../shared/cases.ts';
import {
  agreementUrl, disputeAction, downloadFile, fetchDispute, fetchSignedScan, mediationOf, newIdempotencyKey, uploadPhoto,
  type DisputeDetail, type DisputeEvent, type DisputePolicy, type Mediation, type Party,
} from './api.ts';
import { ActionDialog, type DialogAction } from './ActionDialogs.tsx';
import { MediationDialog } from './MediationDialog.tsx';
import { RiskTag, StatusTag, TierTag, dayText, timeText } from './parts.tsx';
import './locales.ts';
import './disputes.css';

/** The actions of the header's menu, in the order they are offered, with the policy that allows each. */
const MENU_ACTIONS: { action: DialogAction; policy: DisputePolicy; label: string }[] = [
  { action: 'push', policy: 'push', label: 'disputes.actions.push' },
  { action: 'reply', policy: 'reply', label: 'disputes.actions.reply' },
  { action: 'follow-up', policy: 'followUp', label: 'disputes.actions.followUp' },
  { action: 'change-tier', policy: 'changeTier', label: 'disputes.actions.changeTier' },
  { action: 'assess-risk', policy: 'assessRisk', label: 'disputes.actions.assessRisk' },
  { action: 'litigate', policy: 'litigate', label: 'disputes.actions.litigate' },
  { action: 'reopen', policy: 'reopen', label: 'disputes.actions.reopen' },
  { action: 'close', policy: 'close', label: 'disputes.actions.close' },
];

export function DisputePage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  const [d, setD] = useState<DisputeDetail | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [unmask, setUnmask] = useState(false);
  const [tick, setTick] = useState(0);
  const [dialog, setDialog] = useState<DialogAction | null>(null);
  const [replyTo, setReplyTo] = useState<string | null>(null);
  const [mediating, setMediating] = useState(false);
  const [caseId, setCaseId] = useState<string | null>(null);

  useEffect(() => {
    const ctrl = new AbortController();
    fetchDispute(id, unmask, ctrl.signal).then((x) => { setD(x); setError(null); }, (e: unknown) => { if (!ctrl.signal.aborted) setError(e); });
    return () => ctrl.abort();
  }, [id, unmask, tick]);
  // another dispute (the chain, a reopen): read it masked again
  useEffect(() => { setUnmask(false); setD(null); }, [id]);

  if (error) return <div className="zz-page"><ErrorState error={error} onRetry={() => { setError(null); setTick((n) => n + 1); }} /></div>;
  if (!d) return <div className="zz-page"><Card loading /></div>;
  const may = (p: DisputePolicy) => d.policies.includes(p);
  const mediations = d.mediations.map((m) => mediationOf(m));
  const partyName = (seq: number) => d.parties.find((p) => p.seq === seq)?.name ?? `#${seq}`;

  const onDone = (action: DialogAction, next: DisputeDetail & { suggestReopen?: boolean }) => {
    setDialog(null);
    if (action === 'reopen') {
      message.success(<span>{t('disputes.reopen.doneShort')} <span className="zz-code">{next.number}</span></span>);
      navigate(`/disputes/${next.id}`);
      return;
    }
    message.success(t('disputes.actions.done'));
    setD(next);
    setUnmask(next.unmasked);
    if (next.suggestReopen && next.policies.includes('reopen')) {
      modal.confirm({ title: t('disputes.detail.suggestReopen'), okText: t('disputes.actions.reopen'), cancelText: t('disputes.actions.cancel'), onOk: () => setDialog('reopen') });
    }
  };

  const menu: MenuProps['items'] = MENU_ACTIONS.filter((a) => may(a.policy)).map((a) => ({
    key: a.action, label: <span data-testid={`dispute-action-${a.action}`}>{t(a.label)}</span>, onClick: () => { setReplyTo(null); setDialog(a.action); },
  }));

  const partyColumns: TableColumnsType<Party> = [
    { title: t('disputes.form.partyRole'), dataIndex: 'role', width: 100, render: (r: Party['role']) => t(`disputes.roles.${r}`) },
    {
      title: t('disputes.form.name'), dataIndex: 'name', width: 140,
      render: (v: string, p) => <Space size={4}><span data-testid="party-name-cell">{v}</span>{p.vulnerable ? <Tag color="orange" title={p.vulnerableReason ?? undefined}>{t('disputes.detail.vulnerable')}</Tag> : null}</Space>,
    },
    { title: t('disputes.form.idNumber'), dataIndex: 'idNumber', width: 200, render: (v: string | null) => <span className="zz-code">{v ?? '—'}</span> },
    { title: t('disputes.form.phone'), dataIndex: 'phone', width: 140, render: (v: string | null) => <span className="zz-code">{v ?? '—'}</span> },
    { title: t('disputes.form.partyAddress'), dataIndex: 'address', render: (v: string | null) => v ?? '—' },
  ];

  return (
    <div className="zz-page" data-testid="dispute-page" data-id={d.id} data-status={d.status}>
      <PageHeader
        title={<Space wrap><span>{d.subclassName ?? d.className}</span><span className="zz-code" style={{ fontSize: 14, fontWeight: 400 }} data-testid="dispute-number">{d.number}</span><StatusTag status={d.status} /></Space>}
        subtitle={`${d.gridName} · ${t(`disputes.sources.${d.source}`)} · ${timeText(d.createdAt)}`}
        extra={(
          <Space wrap>
            <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/disputes')}>{t('disputes.back')}</Button>
            {may('mediate') ? <Button type="primary" icon={<AuditOutlined />} onClick={() => setMediating(true)} data-testid="dispute-mediate">{t('disputes.actions.mediate')}</Button> : null}
            {menu.length ? <Dropdown trigger={['click']} menu={{ items: menu }}><Button icon={<MoreOutlined />} data-testid="dispute-actions">{t('disputes.actions.more')}</Button></Dropdown> : null}
          </Space>
        )}
      />
      <div className="zz-dispute-grid">
        <div>
          <Card size="small" style={{ marginBottom: 16 }} title={t('disputes.detail.description')}>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }} data-testid="dispute-description">{d.description}</Typography.Paragraph>
            <Descriptions size="small" column={2} items={[
              { key: 'class', label: t('disputes.detail.class'), children: d.subclassName ? `${d.className} / ${d.subclassName}` : d.className },
              { key: 'place', label: t('disputes.detail.place'), children: d.address ?? d.gridName },
              ...(d.court ? [{ key: 'court', label: t('disputes.detail.court'), children: d.court }] : []),
              ...(d.courtCaseNumber ? [{ key: 'ccn', label: t('disputes.detail.courtCaseNumber'), children: <span data-testid="dispute-court-number">{d.courtCaseNumber}</span> }] : []),
              ...(d.closeReason ? [{ key: 'close', label: t('disputes.detail.closeReason'), children: d.closeReason }] : []),
            ]} />
          </Card>
          <Card size="small" style={{ marginBottom: 16 }} title={t('disputes.detail.parties')}
            extra={d.unmasked ? <Tag color="gold">{t('disputes.detail.unmaskHint')}</Tag> : may('unmask') ? (
              <Button size="small" icon={<EyeOutlined />} onClick={() => setUnmask(true)} title={t('disputes.detail.unmaskHint')} data-testid="dispute-unmask">{t('disputes.detail.unmask')}</Button>
            ) : <Tag>{t('disputes.detail.masked')}</Tag>}>
            <Table<Party> rowKey="seq" size="small" pagination={false} columns={partyColumns} dataSource={d.parties} data-testid="dispute-parties" />
          </Card>
          <Card size="small" style={{ marginBottom: 16 }} title={t('disputes.detail.mediations')} data-testid="dispute-mediations"
            extra={may('mediate') ? <Button size="small" icon={<AuditOutlined />} onClick={() => setMediating(true)}>{t('disputes.actions.mediate')}</Button> : null}>
            {mediations.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('disputes.detail.noMediations')} /> : (
              mediations.map((m) => (
                <MediationBlock key={m.id} dispute={d} m={m} partyName={partyName} canDownload={may('unmask')} canAttach={may('attachSigned')}
                  onAttached={(next) => { message.success(t('disputes.detail.signedUploaded')); setD(next); }} />
              ))
            )}
          </Card>
          <Card size="small" style={{ marginBottom: 16 }} title={t('disputes.detail.followUps')}
            extra={may('followUp') ? <Button size="small" icon={<PhoneOutlined />} onClick={() => setDialog('follow-up')} data-testid="dispute-follow-up">{t('disputes.actions.followUp')}</Button> : null}>
            {d.followUps.length === 0 ? <Typography.Text type="secondary">{t('disputes.detail.noFollowUps')}</Typography.Text> : (
              <Timeline items={d.followUps.map((f) => ({
                color: f.holds ? 'green' : 'red',
                content: (
                  <div data-testid="dispute-follow-up-row">
                    <Space wrap><strong>{t(`disputes.methods.${f.method}`)}</strong><Tag color={f.holds ? 'green' : 'red'}>{f.holds ? t('disputes.detail.holdsYes') : t('disputes.detail.holdsNo')}</Tag>
                      <Typography.Text type="secondary">{timeText(f.at)} · {f.byName ?? ''}</Typography.Text></Space>
                    {f.note ? <div>{f.note}</div> : null}
                  </div>
                ),
              }))} />
            )}
          </Card>
          <Card size="small" title={t('disputes.detail.referrals')}
            extra={may('push') ? <Button size="small" icon={<SendOutlined />} onClick={() => setDialog('push')} data-testid="dispute-push">{t('disputes.actions.push')}</Button> : null}>
            {d.referrals.length === 0 ? <Typography.Text type="secondary">{t('disputes.detail.noReferrals')}</Typography.Text> : d.referrals.map((r) => (
              <div key={r.id} className="zz-dispute-session" data-testid="dispute-referral">
                <Space wrap>
                  <strong>{t(`disputes.unitKinds.${r.unitKind}`)} · {r.unitName}</strong>
                  <Tag color={r.status === 'done' ? 'green' : r.overdue ? 'red' : r.status === 'replied' ? 'blue' : 'default'}>{t(`disputes.referralStatus.${r.status}`)}</Tag>
                  <Typography.Text type="secondary">{t('disputes.detail.due')} {dayText(r.dueAt)}</Typography.Text>
                  {r.canReply && r.status !== 'done' ? <Button size="small" type="link" onClick={() => { setReplyTo(r.id); setDialog('reply'); }}>{t('disputes.actions.reply')}</Button> : null}
                </Space>
                {r.note ? <div><Typography.Text type="secondary">{r.note}</Typography.Text></div> : null}
                {r.replies.map((x, i) => (
                  <div key={i} style={{ marginTop: 4 }}>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('disputes.detail.replied', { time: timeText(x.at) })}{x.by ? ` · ${x.by}` : ''}{x.done ? ` · ${t('disputes.referralStatus.done')}` : ''}</Typography.Text>
                    <div>{x.text}</div>
                  </div>
                ))}
              </div>
            ))}
          </Card>
        </div>
        <div>
          <Card size="small" style={{ marginBottom: 16 }} title={t('disputes.detail.risk')} extra={<RiskTag risk={d.risk.level} />} data-testid="dispute-risk-card">
            {d.risk.reasons.length ? <ul className="zz-dispute-reasons" data-testid="dispute-risk-reasons">{d.risk.reasons.map((r) => <li key={r}>{r}</li>)}</ul>
              : <Typography.Text type="secondary">{t('disputes.detail.noRiskReasons')}</Typography.Text>}
          </Card>
          <Card size="small" style={{ marginBottom: 16 }} title={t('disputes.detail.tier')} extra={<TierTag tier={d.tier} />}>
            <Descriptions size="small" column={1} items={[
              { key: 'unit', label: t('disputes.detail.unit'), children: <span data-testid="dispute-unit">{d.handlingUnitName}</span> },
              { key: 'sugg', label: t('disputes.detail.suggestedTier'), children: <span>{t(`disputes.tiers.${d.suggestedTier}`)}{d.suggestedTierReasons.length ? `（${d.suggestedTierReasons.join('；')}）` : ''}</span> },
              ...(d.tierReason ? [{ key: 'why', label: t('disputes.detail.tierReason'), children: d.tierReason }] : []),
            ]} />
          </Card>
          {d.workOrder ? (
            <Card size="small" style={{ marginBottom: 16 }} title={t('disputes.detail.workOrder')}>
              <Space orientation="vertical" size={2}>
                <Typography.Link onClick={() => setCaseId(d.workOrder!.id)} data-testid="dispute-work-order"><span className="zz-code">{d.workOrder.number}</span></Typography.Link>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}><CaseStatusTag status={d.workOrder.status as CaseStatus} />{d.workOrder.assigneeName ? ` ${d.workOrder.assigneeName}` : ''}{d.workOrder.dueAt ? ` · ${t('disputes.detail.workDue')} ${dayText(d.workOrder.dueAt)}` : ''}</Typography.Text>
              </Space>
            </Card>
          ) : null}
          {d.chain.length > 1 ? (
            <Card size="small" style={{ marginBottom: 16 }} title={t('disputes.detail.chain')} data-testid="dispute-chain">
              <Timeline items={d.chain.map((c) => ({
                color: c.current ? 'blue' : 'gray',
                content: (
                  <Space wrap>
                    {c.readable && !c.current ? <Typography.Link onClick={() => navigate(`/disputes/${c.id}`)} data-testid="dispute-chain-link"><span className="zz-code">{c.number}</span></Typography.Link>
                      : <strong className="zz-code">{c.number}</strong>}
                    <StatusTag status={c.status} />
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>{dayText(c.createdAt)}</Typography.Text>
                  </Space>
                ),
              }))} />
            </Card>
          ) : null}
          <Card size="small" title={t('disputes.detail.timeline')}>
            {d.events.length === 0 ? <Typography.Text type="secondary">{t('disputes.detail.noEvents')}</Typography.Text> : (
              <Timeline data-testid="dispute-timeline" items={[...d.events].reverse().map((e) => ({ content: <EventLine e={e} /> }))} />
            )}
          </Card>
        </div>
      </div>
      <MediationDialog dispute={d} open={mediating} onClose={() => setMediating(false)} onDone={(next) => {
        setMediating(false);
        const last = next.mediations.map((m) => mediationOf(m)).at(-1);
        message.success(last?.agreementNumber ? t('disputes.mediation.agreementReady', { number: last.agreementNumber }) : t('disputes.mediation.saved'));
        setD(next);
      }} />
      <ActionDialog dispute={d} action={dialog} referralId={replyTo} onClose={() => setDialog(null)} onDone={onDone} />
      {caseId ? <CaseDrawer caseId={caseId} onClose={() => setCaseId(null)} onChanged={() => setTick((n) => n + 1)} /> : null}
    </div>
  );
}

function EventLine({ e }: { e: DisputeEvent }) {
  const { t } = useTranslation();
  const label = t(`disputes.events.${e.action}`, { defaultValue: t('disputes.detail.timeline') });
  const data = e.data as Record<string, unknown>;
  const detail = [data.reason, data.note, data.text, data.number, data.agreementNumber, data.unitName, data.courtCaseNumber]
    .filter((x): x is string => typeof x === 'string' && x.length > 0);
  return (
    <div data-testid="dispute-event" data-action={e.action}>
      <Space wrap size={6}><strong>{label}</strong><Typography.Text type="secondary" style={{ fontSize: 12 }}>{timeText(e.at)}{e.actorName ? ` · ${e.actorName}` : ''}</Typography.Text></Space>
      {detail.length ? <div><Typography.Text type="secondary">{detail.join(' · ')}</Typography.Text></div> : null}
    </div>
  );
}

function MediationBlock({ dispute, m, partyName, canDownload, canAttach, onAttached }: {
  dispute: DisputeDetail; m: Mediation; partyName(seq: number): string; canDownload: boolean; canAttach: boolean; onAttached(d: DisputeDetail): void;
}) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [uploading, setUploading] = useState(false);
  const [scan, setScan] = useState<string | null>(null);
  const download = async (format: 'pdf' | 'docx') => {
    try { await downloadFile(agreementUrl(dispute.id, m.id, format), `${m.agreementNumber ?? dispute.number}.${format}`); } catch (e) { message.error(errorText(e, i18n.language)); }
  };
  const attach = async (file: Blob) => {
    setUploading(true);
    try {
      const { hash } = await uploadPhoto(file);
      onAttached(await disputeAction(dispute.id, 'attach-signed', { mediationId: m.id, fileHash: hash }, newIdempotencyKey()));
    } catch (e) {
      message.error(errorText(e, i18n.language));
    } finally {
      setUploading(false);
    }
  };
  const showScan = async () => {
    if (!m.signedScanHash) return;
    try { setScan((await fetchSignedScan(dispute.id, m.id)).url); } catch (e) { message.error(errorText(e, i18n.language)); }
  };
  return (
    <div className="zz-dispute-session" data-testid="dispute-mediation" data-seq={m.seq}>
      <Space wrap>
        <strong>{t('disputes.detail.session', { seq: m.seq })}</strong>
        <Tag color={m.outcome === 'resolved' ? 'green' : m.outcome === 'partial' ? 'gold' : 'red'} data-testid="mediation-outcome-tag">{t(`disputes.outcomes.${m.outcome}`)}</Tag>
        <Typography.Text type="secondary">{timeText(m.at)} · {m.place}</Typography.Text>
      </Space>
      <Descriptions size="small" column={1} style={{ marginTop: 6 }} items={[
        { key: 'mediator', label: t('disputes.detail.mediator'), children: `${m.mediator.name}（${t(`disputes.mediatorKinds.${m.mediator.kind}`)}）` },
        ...(m.attendees.length ? [{ key: 'att', label: t('disputes.detail.attendees'), children: m.attendees.map((a) => a.name).join('、') }] : []),
        ...(m.statements.length ? [{
          key: 'st', label: t('disputes.detail.statements'),
          children: <div>{m.statements.map((s) => <div key={s.partySeq}><Typography.Text strong>{partyName(s.partySeq)}：</Typography.Text>{s.said}</div>)}</div>,
        }] : []),
        ...(m.agreed ? [{ key: 'agreed', label: t('disputes.detail.agreed'), children: m.agreed }] : []),
        ...(m.terms.length ? [{ key: 'terms', label: t('disputes.detail.terms'), children: <ol className="zz-dispute-terms" data-testid="mediation-terms">{m.terms.map((x, i) => <li key={i}>{x}</li>)}</ol> }] : []),
      ]} />
      {m.agreementNumber ? (
        <Space wrap style={{ marginTop: 4 }} data-testid="mediation-agreement">
          <Tag icon={<FileProtectOutlined />} color="blue">{t('disputes.detail.agreementNumber')}：<span data-testid="agreement-number">{m.agreementNumber}</span></Tag>
          {canDownload ? (
            <>
              <Button size="small" icon={<DownloadOutlined />} onClick={() => void download('docx')} data-testid="agreement-docx">{t('disputes.detail.downloadWord')}</Button>
              <Button size="small" icon={<DownloadOutlined />} onClick={() => void download('pdf')} data-testid="agreement-pdf">{t('disputes.detail.downloadPdf')}</Button>
            </>
          ) : null}
          {m.signedScanHash && canAttach ? (
            <Button size="small" type="link" icon={<EyeOutlined />} onClick={() => void showScan()} data-testid="agreement-signed-view">{t('disputes.detail.viewSigned')}</Button>
          ) : m.signedScanHash ? <Tag color="green">{t('disputes.detail.signed')}</Tag> : <Typography.Text type="secondary">{t('disputes.detail.notSigned')}</Typography.Text>}
          {canAttach ? (
            <Upload accept="image/*" showUploadList={false} customRequest={({ file }) => { void attach(file as Blob); }}>
              <Button size="small" icon={<UploadOutlined />} loading={uploading} data-testid="agreement-upload">{t('disputes.detail.uploadSigned')}</Button>
            </Upload>
          ) : null}
        </Space>
      ) : null}
      {scan ? <Image src={scan} style={{ display: 'none' }} preview={{ open: true, onOpenChange: (v) => { if (!v) setScan(null); } }} /> : null}
    </div>
  );
}
