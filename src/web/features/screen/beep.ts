// The alarm's sound: a short two-tone beep made with WebAudio (no sound file). Browsers refuse to play sound before the
// person has clicked the page, so the screen starts muted and 开启声音 both unmutes and creates the audio context in
// that click. One context for the page's life; each beep's nodes end with it.
let context: AudioContext | null = null;

/** Called in the click that turns sound on: creates (or resumes) the audio context and plays one quiet beep. */
export async function enableSound(): Promise<boolean> {
  try {
    context ??= new AudioContext();
    if (context.state === 'suspended') await context.resume();
    beep(0.05);
    return context.state === 'running';
  } catch {
    return false;
  }
}

/** Two short tones (880 Hz then 660 Hz); nothing when sound was never turned on. */
export function beep(volume = 0.2): void {
  const ctx = context;
  if (!ctx || ctx.state !== 'running') return;
  const t0 = ctx.currentTime;
  for (const [i, freq] of [880, 660].entries()) {
    const osc = ctx.createOscillator();
    const gain = ctx.createGain();
    osc.type = 'square';
    osc.frequency.value = freq;
    const start = t0 + i * 0.18;
    gain.gain.setValueAtTime(0, start);
    gain.gain.linearRampToValueAtTime(volume, start + 0.01);
    gain.gain.linearRampToValueAtTime(0, start + 0.15);
    osc.connect(gain).connect(ctx.destination);
    osc.start(start);
    osc.stop(start + 0.16);
    osc.onended = () => { osc.disconnect(); gain.disconnect(); };
  }
}
