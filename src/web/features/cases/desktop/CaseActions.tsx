// The action buttons of the drawer, from the case's `policies`: simple actions run at once, the others
// open a form. Sends the case's version; a stale version reloads the case and says so.
import { useState } from 'react';
import { App, Button, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CaseAction } from '../../../../shared/cases.ts';
import { ApiError, errorText } from '../../../lib/api.ts';
import { caseAction, type ActionInput, type CaseDetail } from '../api.ts';
import { ActionModal, FORM_ACTIONS } from './ActionModal.tsx';

const ORDER: CaseAction[] = [
  'accept', 'dispatch', 'start', 'report_done', 'resolve_on_spot', 'verify', 'approve_suspension', 'resume',
  'revisit', 'request_suspension', 'return', 'escalate', 'reopen', 'reject',
];
const PRIMARY = new Set<CaseAction>(['accept', 'dispatch', 'start', 'report_done', 'verify', 'approve_suspension', 'resume']);
const DANGER = new Set<CaseAction>(['reject', 'reopen']);

interface Props { kase: CaseDetail; onDone(c: CaseDetail): void; onStale(): Promise<void> }

export function CaseActions({ kase, onDone, onStale }: Props) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [busy, setBusy] = useState<CaseAction | null>(null);
  const [form, setForm] = useState<CaseAction | null>(null);
  const actions = ORDER.filter((a) => kase.policies.includes(a));

  /** runs an action; true when done, false when refused (the message is shown) */
  const run = async (action: CaseAction, body: Omit<ActionInput, 'version'> = {}): Promise<boolean> => {
    setBusy(action);
    try {
      const updated = await caseAction(kase.id, action, { ...body, version: kase.version });
      message.success(t('wcase.drawer.done', { action: t(`wcase.actions.${action}`) }));
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
        {actions.map((a) => (
          <Button
            key={a} data-testid={`action-${a}`} type={PRIMARY.has(a) ? 'primary' : 'default'} danger={DANGER.has(a)}
            loading={busy === a} disabled={!!busy && busy !== a}
            onClick={() => (FORM_ACTIONS.has(a) ? setForm(a) : void run(a))}
          >
            {t(`wcase.actions.${a}`)}
          </Button>
        ))}
      </Space>
      {form ? <ActionModal action={form} kase={kase} busy={busy === form} onCancel={() => setForm(null)} onSubmit={(body) => run(form, body)} /> : null}
    </>
  );
}
