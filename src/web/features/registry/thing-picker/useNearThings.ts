// The things near a point for the pickers: fetched when the point or the category changes (a short pause first, as the
// pin is dragged), only for those who read the registry (the same role list as the menu's 人房地物); until the reader
// chooses, the suggestion is taken.
import { useEffect, useRef, useState } from 'react';
import { useMe } from '../../../app/auth.tsx';
import { holdsAnyRole } from '../../../../shared/roles.ts';
import { REGISTRY_READERS } from '../../../../shared/registry.ts';
import { LABELS, type Label } from '../../../../domain/registry/columns.ts';
import { fetchNearThings, type NearThingList } from './api.ts';
import './locales.ts';

export function useNearThings(at: { lng: number; lat: number } | null, categoryCode: string | null | undefined, value: string | null, onChange: (id: string | null) => void) {
  const me = useMe();
  const reads = holdsAnyRole(me.roles, REGISTRY_READERS);
  const [list, setList] = useState<NearThingList | null>(null);
  const [loading, setLoading] = useState(false);
  const touched = useRef(false);
  const latest = useRef({ value, onChange });
  latest.current = { value, onChange };
  const key = at ? `${at.lng.toFixed(6)},${at.lat.toFixed(6)}` : '';

  useEffect(() => {
    if (!reads || !at) { setList(null); return; }
    const ctl = new AbortController();
    const timer = setTimeout(() => {
      setLoading(true);
      fetchNearThings(at, categoryCode, ctl.signal).then((found) => {
        setList(found);
        setLoading(false);
        const { value: current, onChange: change } = latest.current;
        // until the reader chooses, the suggestion for the point and category (or none); a choice no longer near is dropped
        if (!touched.current) { if (found.suggestedId !== current) change(found.suggestedId); }
        else if (current && !found.items.some((i) => i.id === current)) change(null);
      }, (e: Error) => { if (e.name !== 'AbortError') { setList(null); setLoading(false); } });
    }, 300);
    return () => { clearTimeout(timer); ctl.abort(); };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [reads, key, categoryCode]);

  const choose = (id: string | null) => { touched.current = true; onChange(id); };
  return { reads, list, loading, choose };
}

export const thingKindLabel = (kind: string, en: boolean) => {
  const l = (LABELS.thingKind as Record<string, Label>)[kind];
  return l ? (en ? l.en : l.zh) : kind;
};
export const riskLabel = (level: string, en: boolean) => {
  const l = (LABELS.riskLevel as Record<string, Label>)[level];
  return l ? (en ? l.en : l.zh) : level;
};
