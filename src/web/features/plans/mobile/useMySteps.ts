// The caller's steps of the active incidents: each active incident read in full, its steps split into the caller's
// (a role they hold, or a step whose checklist they may tick without commanding) and the others. Live: a change of one
// of those work orders reads again.
import { useEffect, useRef, useState } from 'react';
import { useMe } from '../../../app/auth.tsx';
import { INCIDENT_COMMANDERS, PLAN_READERS } from '../../../../shared/plans.ts';
import { holdsAnyRole } from '../../../../shared/roles.ts';
import { fetchIncident, listIncidents, subscribeCaseEvents, type IncidentDetail, type IncidentStep } from '../incidents/api.ts';

export interface MyIncident { incident: IncidentDetail; mine: IncidentStep[]; others: IncidentStep[] }

export function useMySteps(): { items: MyIncident[]; loading: boolean; error: unknown; reload(): void } {
  const me = useMe();
  const [items, setItems] = useState<MyIncident[]>([]);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const [tick, setTick] = useState(0);
  const orders = useRef(new Set<string>());
  const commander = holdsAnyRole(me.roles, INCIDENT_COMMANDERS);
  // a grid worker or a resident reads no incidents (a grid worker's step reaches them as a work order in 我的待办)
  const reader = holdsAnyRole(me.roles, PLAN_READERS);

  useEffect(() => {
    if (!reader) {
      setLoading(false);
      return;
    }
    const ctrl = new AbortController();
    (async () => {
      const page = await listIncidents({ status: 'active', limit: 20 }, null, ctrl.signal);
      const details = await Promise.all(page.items.map((i) => fetchIncident(i.id, ctrl.signal)));
      return details.map((incident) => {
        const held = new Set(incident.roles.filter((r) => r.holders.some((h) => h.id === me.id)).map((r) => r.key));
        const isMine = (s: IncidentStep) => held.has(s.roleKey) || (!commander && s.policies.includes('check'));
        return { incident, mine: incident.steps.filter(isMine), others: incident.steps.filter((s) => !isMine(s)) };
      }).filter((x) => x.mine.length > 0);
    })().then(
      (xs) => { orders.current = new Set(xs.flatMap((x) => x.incident.steps.map((s) => s.workOrder.id))); setItems(xs); setError(null); setLoading(false); },
      (e: unknown) => { if (!ctrl.signal.aborted) { setError(e); setLoading(false); } },
    );
    return () => ctrl.abort();
  }, [tick, me.id, commander, reader]);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const off = subscribeCaseEvents((e) => {
      if (!orders.current.has(e.caseId)) return;
      clearTimeout(timer);
      timer = setTimeout(() => setTick((n) => n + 1), 500);
    });
    return () => { off(); clearTimeout(timer); };
  }, []);

  return { items, loading, error, reload: () => setTick((n) => n + 1) };
}
