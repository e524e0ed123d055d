// The line on a loop case (the case drawer) for enforcement: the link to the enforcement case opened from it, or —
// for an officer, on an open case whose category a matter of the list enforces (占道经营, 占用消防通道 …) — 「立案执法」.
// It asks nothing for accounts that do not read enforcement, and reads the case's enforcement only when a matter fits.
import { useEffect, useState } from 'react';
import { Button, Space, Typography } from 'antd';
import { SafetyOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useMe } from '../../app/auth.tsx';
import { holdsAnyRole } from '../../../shared/roles.ts';
import { ENFORCEMENT_OFFICERS, ENFORCEMENT_READERS } from '../../../shared/enforcement.ts';
import { ApiError } from '../../lib/api.ts';
import { fetchByLoopCase, listMatters, type CaseDetail } from './api.ts';
import { StatusTag } from './parts.tsx';
import './locales.ts';

export type LoopEnforcement = { kind: 'none' } | { kind: 'open' } | { kind: 'linked'; kase: CaseDetail };

/** What a loop case offers: nothing, 立案执法, or its enforcement case. */
export function useLoopEnforcement(kase: { id: string; categoryCode: string; status: string }): LoopEnforcement {
  const me = useMe();
  const reads = me.kind === 'staff' && holdsAnyRole(me.roles, ENFORCEMENT_READERS);
  const officer = me.kind === 'staff' && holdsAnyRole(me.roles, ENFORCEMENT_OFFICERS);
  const [state, setState] = useState<LoopEnforcement>({ kind: 'none' });
  useEffect(() => {
    setState({ kind: 'none' });
    if (!reads) return;
    const ctrl = new AbortController();
    void (async () => {
      const fits = await listMatters({ loopCategoryCode: kase.categoryCode }, ctrl.signal);
      if (fits.items.length === 0) return;
      try {
        setState({ kind: 'linked', kase: await fetchByLoopCase(kase.id, ctrl.signal) });
      } catch (e) {
        const open = !['closed', 'rejected', 'handled'].includes(kase.status);
        if (e instanceof ApiError && e.status === 404 && officer && open) setState({ kind: 'open' });
      }
    })().catch(() => undefined);
    return () => ctrl.abort();
  }, [kase.id, kase.categoryCode, kase.status, reads, officer]);
  return state;
}

export function LoopCaseEnforcement({ kase }: { kase: { id: string; categoryCode: string; status: string } }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const state = useLoopEnforcement(kase);
  if (state.kind === 'none') return null;
  return (
    <div style={{ margin: '0 0 12px' }} data-testid="loop-enforcement">
      {state.kind === 'open' ? (
        <Button type="primary" danger icon={<SafetyOutlined />} onClick={() => navigate(`/enforcement/cases/new?caseId=${encodeURIComponent(kase.id)}`)} data-testid="loop-enforcement-open">
          {t('enf.mount.open')}
        </Button>
      ) : (
        <Space size={6}>
          <SafetyOutlined />
          <Typography.Link onClick={() => navigate(`/enforcement/cases/${state.kase.id}`)} data-testid="loop-enforcement-link">{t('enf.mount.view', { number: state.kase.number })}</Typography.Link>
          <StatusTag status={state.kase.status} />
        </Space>
      )}
    </div>
  );
}
