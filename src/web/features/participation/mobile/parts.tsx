// Pieces the resident's phone pages share: the page frame with the large-type button, loading and error blocks, status
// tags, a labelled field, and the vote rules said in plain words.
import { useEffect, type ReactNode } from 'react';
import { Button, DotLoading, ErrorBlock, Tag } from 'antd-mobile';
import { LeftOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ApiError, errorText } from '../../../lib/api.ts';
import '../../cases/public.ts'; // the phone pages' frame styles (mc-page, mc-nav, mc-body, mc-footer)
import { LargeTypeButton } from '../../../ui/elder/index.ts';
import type { ProposalStatus } from '../../../../shared/participation.ts';
import type { VoteRules } from './api.ts';
import './locales.ts';
import './participation-mobile.css';

/**
 * The phone page frame of a resident page: the title bar with 返回 (named, for screen readers) and the 大字 button, the
 * body and a footer of big buttons. While it shows, the popups and dialogs on the body take the same accessible
 * colours (`body.pm-a11y`, see participation-mobile.css).
 */
export function ResidentPage({ title, back = '/m', footer, children, testId }: {
  title: ReactNode; back?: string; footer?: ReactNode; children: ReactNode; testId: string;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  useEffect(() => {
    document.body.classList.add('pm-a11y');
    return () => document.body.classList.remove('pm-a11y');
  }, []);
  const onBack = () => {
    // back in history when we came from inside the app, else to the parent page
    if (window.history.state && (window.history.state as { idx?: number }).idx) navigate(-1);
    else navigate(back);
  };
  return (
    <div className={`mc-page pm-scope${footer ? '' : ' mc-no-footer'}`} data-testid={testId}>
      {/* not antd-mobile's NavBar: its back is a div with role=button whose words are hidden from screen readers */}
      <header className="pm-nav">
        <button type="button" className="pm-back" onClick={onBack} data-testid="m-back"><LeftOutlined aria-hidden /> {t('pm.common.back')}</button>
        <h1 className="pm-title">{title}</h1>
        <span className="pm-nav-right"><LargeTypeButton /></span>
      </header>
      <main className="mc-body">{children}</main>
      {footer ? <div className="mc-footer">{footer}</div> : null}
    </div>
  );
}

export function Loading() {
  const { t } = useTranslation();
  return <div className="pm-loading" role="status"><DotLoading /> <span>{t('pm.common.loading')}</span></div>;
}

export function Failed({ error, retry }: { error: unknown; retry?: () => void }) {
  const { t, i18n } = useTranslation();
  return (
    <ErrorBlock status="default" title={errorText(error, i18n.language)} description=""
      children={retry ? <Button size="small" onClick={retry}>{t('pm.common.retry')}</Button> : null} />
  );
}

export function Empty({ text }: { text: string }) {
  return <ErrorBlock status="empty" title={text} description="" />;
}

/** A notice that the resident is not in the registry (422 PERSON_NOT_IN_REGISTRY): they may read, not take part. */
export function isNotInRegistry(e: unknown): boolean {
  return e instanceof ApiError && e.code === 'PERSON_NOT_IN_REGISTRY';
}

const PROPOSAL_COLOUR: Record<ProposalStatus, string> = {
  open: '#1f6fd1', scheduled: '#7a4fc4', decided: '#0f7b6c', inProgress: '#b35c00', done: '#1d7f3c', rejected: '#5c6776', sentUp: '#7a4fc4',
};
export function ProposalStatusTag({ status }: { status: ProposalStatus }) {
  const { t } = useTranslation();
  return <Tag color={PROPOSAL_COLOUR[status]} fill="outline" data-testid="proposal-status">{t(`pm.proposalStatus.${status}`)}</Tag>;
}

/** A labelled block of a form: the label names its field by `htmlFor`, so screen readers and axe find it. */
export function Field({ label, htmlFor, children, required }: { label: string; htmlFor: string; children: ReactNode; required?: boolean }) {
  return (
    <div className="pm-field">
      <label htmlFor={htmlFor} className={required ? 'pm-req' : undefined}>{label}</label>
      {children}
    </div>
  );
}

/** The rules of a vote as sentences a resident understands. */
export function rulesInPlainWords(rules: VoteRules, t: (k: string, o?: Record<string, unknown>) => string): string[] {
  const pct = (x: number) => Math.round(x * 1000) / 10;
  return [
    t(`pm.vote.electorate.${rules.electorate}`),
    t(`pm.vote.unit.${rules.unit}`),
    rules.quorum.kind === 'share'
      ? (rules.quorum.value > 0 ? t('pm.vote.quorumShare', { pct: pct(rules.quorum.value) }) : null)
      : (rules.quorum.value > 0 ? t('pm.vote.quorumCount', { count: rules.quorum.value }) : null),
    rules.passShare === 0.5 ? t('pm.vote.passHalf') : t('pm.vote.passShare', { pct: pct(rules.passShare) }),
    rules.secret ? t('pm.vote.secret') : t('pm.vote.open'),
    t('pm.vote.final'),
  ].filter((x): x is string => !!x);
}

/** The word of a vote option: for/against/abstain in the page's language, a motion's own words as they are. */
export function optionText(option: string, t: (k: string, o?: Record<string, unknown>) => string): string {
  return ['for', 'against', 'abstain'].includes(option) ? t(`pm.vote.options.${option}`) : option;
}

export function dayTime(iso: string, lang: string): string {
  const d = new Date(iso);
  return d.toLocaleString(lang.startsWith('zh') ? 'zh-CN' : 'en-GB', { month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false });
}
export function dayOnly(iso: string, lang: string): string {
  const d = new Date(iso);
  return d.toLocaleDateString(lang.startsWith('zh') ? 'zh-CN' : 'en-GB', { year: 'numeric', month: 'numeric', day: 'numeric' });
}
