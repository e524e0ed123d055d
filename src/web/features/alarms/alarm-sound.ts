// The alarm tone, generated in code with WebAudio (no sound file): two short rising beeps. Browsers refuse to play
// sound before the user has clicked on the page, so the sound is armed by a click (开启声音) that creates and resumes
// the AudioContext; the mute choice is kept in localStorage. `played` counts the tones for the page (and its tests).
import { useSyncExternalStore } from 'react';

const MUTE_KEY = 'zhizhi.alarmMuted';

interface SoundState { armed: boolean; muted: boolean; played: number }
let state: SoundState = { armed: false, muted: localStorage.getItem(MUTE_KEY) === '1', played: 0 };
let ctx: AudioContext | null = null;
const listeners = new Set<() => void>();

function set(patch: Partial<SoundState>): void {
  state = { ...state, ...patch };
  for (const fn of listeners) fn();
}

/** Called from a click: creates (or resumes) the audio context and plays one tone so the user hears what it sounds like. */
export async function armSound(): Promise<boolean> {
  try {
    ctx ??= new AudioContext();
    if (ctx.state === 'suspended') await ctx.resume();
    set({ armed: ctx.state === 'running', muted: false });
    localStorage.removeItem(MUTE_KEY);
    playAlarmTone();
    quiet = false; // the sample tone does not hold back the next alarm's
    return state.armed;
  } catch {
    set({ armed: false });
    return false;
  }
}

export function setMuted(muted: boolean): void {
  if (muted) localStorage.setItem(MUTE_KEY, '1'); else localStorage.removeItem(MUTE_KEY);
  set({ muted });
}

let quiet = false;
/** Tones closer than this are one: a new alarm's raised and notified changes arrive together. */
const QUIET_MS = 1500;

/** Two beeps (880 Hz then 1175 Hz, 180 ms each) when armed and not muted; answers whether it sounded. */
export function playAlarmTone(): boolean {
  if (!ctx || !state.armed || state.muted || ctx.state !== 'running') return false;
  if (quiet) return false;
  quiet = true;
  setTimeout(() => { quiet = false; }, QUIET_MS);
  const start = ctx.currentTime + 0.02;
  [880, 1175].forEach((hz, i) => {
    const t0 = start + i * 0.24;
    const osc = ctx!.createOscillator();
    const gain = ctx!.createGain();
    osc.type = 'square';
    osc.frequency.value = hz;
    gain.gain.setValueAtTime(0.0001, t0);
    gain.gain.exponentialRampToValueAtTime(0.25, t0 + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, t0 + 0.18);
    osc.connect(gain).connect(ctx!.destination);
    osc.start(t0);
    osc.stop(t0 + 0.2);
  });
  set({ played: state.played + 1 });
  return true;
}

export function useAlarmSound(): SoundState {
  return useSyncExternalStore((fn) => { listeners.add(fn); return () => listeners.delete(fn); }, () => state);
}
