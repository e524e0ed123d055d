// 适老化 large-type mode: one switch, kept in localStorage, marks the document (`html.zz-large`); elder.css then scales
// the phone pages' type and tap targets. Read at module load so the first paint is already large.
import { useSyncExternalStore } from 'react';

const KEY = 'zhizhi.largeType';
const CLASS = 'zz-large';
const listeners = new Set<() => void>();

function stored(): boolean {
  try { return localStorage.getItem(KEY) === 'on'; } catch { return false; }
}

function apply(on: boolean): void {
  document.documentElement.classList.toggle(CLASS, on);
}

apply(stored());

export function isLargeType(): boolean {
  return document.documentElement.classList.contains(CLASS);
}

export function setLargeType(on: boolean): void {
  try {
    if (on) localStorage.setItem(KEY, 'on');
    else localStorage.removeItem(KEY);
  } catch { /* private mode: the switch holds for this visit */ }
  apply(on);
  for (const l of listeners) l();
}

function subscribe(onChange: () => void): () => void {
  listeners.add(onChange);
  const onStorage = (e: StorageEvent) => { if (e.key === KEY) { apply(stored()); onChange(); } };
  window.addEventListener('storage', onStorage);
  return () => { listeners.delete(onChange); window.removeEventListener('storage', onStorage); };
}

/** whether large type is on; re-renders when it is switched (here or in another tab) */
export function useLargeType(): boolean {
  return useSyncExternalStore(subscribe, isLargeType, () => false);
}
