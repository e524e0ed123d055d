// The action buttons of the drawer, from the case's `policies`: simple actions run at once, the others
// open a form. Sends the case's version; a stale version reloads the case and says so. When routing recommended
// someone, 受理并派遣 (accept and dispatch to them in one step) comes first; accept alone and dispatching elsewhere remain.
import { useRef, useState } from 'react';
import { App, Button, Space, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CaseAction } from '../../../../shared/cases.ts';
import { ApiError, errorText } from '../../../lib/api.ts';
import { caseAction, newIdempotencyKey, type ActionInput, type CaseDetail } from '../api.ts';
import '../loop-locales.ts';
import { ActionModal, FORM_ACTIONS } from './ActionModal.tsx';

const ORDER: CaseAction[] = [
  'accept_dispatch', 'accept', 'dispatch', 'start', 'report_done', 'resolve_on_spot', 'verify', 'approve_suspension', 'resume',
  'revisit', 'request_suspension', 'return', 'escalate', 'reopen', 'reject',
];
const PRIMARY = new Set<CaseAction>(['accept_dispatch', 'accept', 'dispatch', 'start', 'report_done', 'verify', 'approve_suspension', 'resume']);
const DANGER = new Set<CaseAction>(['reject', 'reopen']);

interface Props { kase: CaseDetail; onDone(c: CaseDetail): void; onStale(): Promise<void> }

export function CaseActions({ kase, onDone, onStale }: Props) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [busy, setBusy] = useState<CaseAction | null>(null);
  const [form, setForm] = useState<CaseAction | null>(null);
  const actions = ORDER.filter((a) => kase.policies.includes(a));
  // one primary button: accepting alone is the second choice when accepting and dispatching as routed is offered
  const primary = (a: CaseAction) => PRIMARY.has(a) && !(a === 'accept' && actions.includes('accept_dispatch'));
  const label = (a: CaseAction) => (a === 'accept_dispatch' ? t('caseLoop.actions.acceptDispatch') : t(`wcase.actions.${a}`));
  // a retry of the same click (a lost answer) is answered by the server without a second step
  const keys = useRef(new Map<string, string>());
  const keyFor = (a: CaseAction) => {
    const k = `${a}@${kase.version}`;
    if (!keys.current.has(k)) keys.current.set(k, newIdempotencyKey());
    return keys.current.get(k)!;
  };

  /** runs an action; true when done, false when refused (the message is shown) */
  const run = async (action: CaseAction, body: Omit<ActionInput, 'version'> = {}): Promise<boolean> => {
    setBusy(action);
    try {
      const updated = await caseAction(kase.id, action, { ...body, version: kase.version }, keyFor(action));
      message.success(t('wcase.drawer.done', { action: label(action) }));
      setForm(null);
      onDone(updated);
      return true;
    } catch (e) {
      if (e instanceof ApiError && e.code === 'CASE_STALE_VERSION') {
        setForm(null);
        await onStale();
        message.warning(t('wcase.drawer.stale'));
      } else {
        message.error(errorText(e, i18n.language));
      }
      return false;
    } finally {
      setBusy(null);
    }
  };

  if (!actions.length) return <Typography.Text type="secondary">{t('wcase.drawer.noActions')}</Typography.Text>;
  return (
    <>
      <Space wrap data-testid="case-actions">
        {actions.map((a) => {
          const button = (
            <Button
              key={a} data-testid={`action-${a}`} type={primary(a) ? 'primary' : 'default'} danger={DANGER.has(a)}
              loading={busy === a} disabled={!!busy && busy !== a}
              onClick={() => (FORM_ACTIONS.has(a) ? setForm(a) : void run(a))}
            >
              {label(a)}
            </Button>
          );
          return a === 'accept_dispatch' && kase.routedAssignee
            ? <Tooltip key={a} title={t('caseLoop.actions.acceptDispatchHint', { target: kase.routedAssignee.name })}>{button}</Tooltip>
            : button;
        })}
      </Space>
      {form ? <ActionModal action={form} kase={kase} busy={busy === form} onCancel={() => setForm(null)} onSubmit={(body) => run(form, body)} /> : null}
    </>
  );
}
