// The facts of a case: category, tier, source, reporter, assignee, description, address, photos.
import { Button, Descriptions, Image, Rate, Space, Tag, Typography } from 'antd';
import { PhoneOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { CaseDetail, CasePhoto } from '../api.ts';
import { formatTime } from './clocks.ts';
import { reasonText, verificationText } from '../routing-preview.ts';
import { CaseThingLink } from '../../registry/thing-picker/public.ts';
import '../loop-locales.ts';

/** `onOpenCase` opens a linked case (a duplicate's original, an original's duplicates) in the same drawer. */
export function CaseFacts({ kase, onOpenCase }: { kase: CaseDetail; onOpenCase?(id: string): void }) {
  const { t, i18n } = useTranslation();
  const r = kase.reporter;
  const routed = kase.routedAssignee;
  const overridden = kase.assignee && routed && kase.assignee.id !== routed.id;
  const before = kase.photos.filter((p) => p.phase === 'before');
  const after = kase.photos.filter((p) => p.phase === 'after');
  const verification = kase.verification ? verificationText(t, kase.verification) : null;
  return (
    <>
      <Descriptions size="small" column={2} bordered className="zz-case-facts" items={[
        { key: 'category', label: t('wcase.drawer.category'), span: 2, children: <Space size={6}><strong>{kase.categoryName}</strong><Typography.Text type="secondary" className="zz-code">{kase.categoryCode}</Typography.Text></Space> },
        { key: 'tier', label: t('wcase.drawer.tier'), children: t(`wcase.tiers.${kase.tier}`) },
        { key: 'source', label: t('wcase.drawer.source'), children: t(`wcase.sources.${kase.source}`, { defaultValue: kase.source }) },
        {
          key: 'reporter', label: t('wcase.drawer.reporter'), span: 2, children: (
            <Space size={8} wrap data-testid="case-reporter">
              <span>{r?.name ?? t(r?.unavailable ? 'wcase.drawer.contactUnavailable' : r?.kind === 'device' || r?.kind === 'platform' ? `caseLoop.timeline.${r.kind}` : 'wcase.drawer.anonymous')}</span>
              {r?.phone ? <a href={`tel:${r.phone}`}><PhoneOutlined /> {r.phone}</a> : null}
              <Typography.Text type="secondary">{formatTime(kase.createdAt, i18n.language)}</Typography.Text>
            </Space>
          ),
        },
        {
          key: 'assignee', label: t('wcase.drawer.assignee'), span: 2, children: (
            <Space size={6} wrap data-testid="case-assignee">
              {kase.assignee ? <span>{kase.assignee.name} <Typography.Text type="secondary">({t(`wcase.assigneeKinds.${kase.assignee.kind}`)})</Typography.Text></span> : null}
              {!kase.assignee && routed ? <span>{t('wcase.drawer.routed')}：{routed.name}</span> : null}
              {!kase.assignee && !routed ? t('wcase.drawer.none') : null}
              {overridden ? <Tag color="orange">{t('wcase.drawer.overrideNote')}</Tag> : null}
            </Space>
          ),
        },
        // why routing proposed the recommended assignee (the dispatcher keeps it or reassigns with a reason)
        ...(kase.routing ? [{
          key: 'why', label: t('caseLoop.drawer.why'), span: 2,
          children: <span data-testid="case-routing-reason">{reasonText(t, kase.routing, kase.routing.matter, routed?.name ?? null, kase.tier)}</span>,
        }] : []),
        ...(verification ? [{
          key: 'verify', label: t('caseLoop.drawer.verifyBy'), span: 2, children: (
            <Space size={6} wrap data-testid="case-verification">
              <strong>{verification.by}</strong>
              {verification.notes.map((n) => <Typography.Text key={n} type="secondary">{n}</Typography.Text>)}
            </Space>
          ),
        }] : []),
        ...(kase.original ? [{
          key: 'original', label: t('wcase.drawer.duplicateOf'), span: 2,
          children: <CaseLink link={kase.original} onOpen={onOpenCase} testId="case-original" />,
        }] : []),
        ...(kase.duplicatedBy.length > 0 ? [{
          key: 'duplicates', label: t('wcase.drawer.duplicatedBy'), span: 2, children: (
            <Space size={4} wrap data-testid="case-duplicated-by">
              {kase.duplicatedBy.map((d) => <CaseLink key={d.id} link={d} onOpen={onOpenCase} />)}
            </Space>
          ),
        }] : []),
        ...(kase.thing ? [{ key: 'thing', label: t('thingPicker.caseLabel'), span: 2, children: <CaseThingLink thing={kase.thing} /> }] : []),
        { key: 'address', label: t('wcase.drawer.address'), span: 2, children: kase.address || `${kase.location.lng.toFixed(5)}, ${kase.location.lat.toFixed(5)}` },
        { key: 'desc', label: t('wcase.drawer.description'), span: 2, children: <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }} data-testid="case-description">{kase.description}</Typography.Paragraph> },
        ...(kase.suspension ? [{ key: 'susp', label: t('wcase.workbench.suspended'), span: 2, children: t('wcase.drawer.suspendedUntil', { time: formatTime(kase.suspension.until, i18n.language), reason: kase.suspension.reason }) }] : []),
        ...(kase.satisfaction ? [{ key: 'sat', label: t('wcase.drawer.satisfaction'), span: 2, children: <Space><Rate disabled value={kase.satisfaction.score} />{kase.satisfaction.comment}</Space> }] : []),
      ]} />
      <div className="zz-photo-rows">
        <PhotoRow label={t('wcase.drawer.before')} photos={before} testId="photos-before" />
        <PhotoRow label={t('wcase.drawer.after')} photos={after} testId="photos-after" />
      </div>
    </>
  );
}

function CaseLink({ link, onOpen, testId }: { link: { id: string; number: string }; onOpen?(id: string): void; testId?: string }) {
  return onOpen
    ? <Button type="link" size="small" style={{ padding: 0 }} onClick={() => onOpen(link.id)} data-testid={testId}>{link.number}</Button>
    : <span data-testid={testId}>{link.number}</span>;
}

export function PhotoRow({ label, photos, testId }: { label?: string; photos: CasePhoto[]; testId?: string }) {
  const { t } = useTranslation();
  return (
    <div className="zz-photo-row" data-testid={testId}>
      {label ? <span className="zz-photo-label">{label}</span> : null}
      {photos.length ? (
        <Image.PreviewGroup>
          {photos.map((p) => <Image key={`${p.hash}-${p.phase}`} src={p.thumbUrl} preview={{ src: p.url }} width={72} height={72} style={{ objectFit: 'cover', borderRadius: 4 }} />)}
        </Image.PreviewGroup>
      ) : label ? <span className="zz-muted">{t('common.empty')}</span> : null}
    </div>
  );
}
