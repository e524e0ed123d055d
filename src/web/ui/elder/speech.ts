// The browser's speech recognition (Web Speech API), where the phone offers it: Chrome and Android WebViews as
// webkitSpeechRecognition, some as SpeechRecognition. Only the little the voice input needs is typed here.

export interface RecognitionResultEvent {
  resultIndex: number;
  results: ArrayLike<ArrayLike<{ transcript: string }> & { isFinal: boolean }>;
}

export interface Recognition {
  lang: string;
  continuous: boolean;
  interimResults: boolean;
  onresult: ((e: RecognitionResultEvent) => void) | null;
  onerror: ((e: { error: string }) => void) | null;
  onend: (() => void) | null;
  start(): void;
  stop(): void;
  abort(): void;
}

type RecognitionCtor = new () => Recognition;

/** the recognition constructor, or null where the browser has none (the voice button is then not shown) */
export function speechRecognition(): RecognitionCtor | null {
  if (typeof window === 'undefined') return null;
  const w = window as unknown as { SpeechRecognition?: RecognitionCtor; webkitSpeechRecognition?: RecognitionCtor };
  return w.SpeechRecognition ?? w.webkitSpeechRecognition ?? null;
}

/** the language tag recognition expects for the app's language */
export function recognitionLang(appLang: string): string {
  return appLang.startsWith('zh') ? 'zh-CN' : 'en-US';
}

/** The text to add to what is already typed: Chinese runs on, other languages get a space between. */
export function appendSpoken(current: string, spoken: string, appLang: string): string {
  const s = spoken.trim();
  if (!s) return current;
  if (!current) return s;
  const sep = appLang.startsWith('zh') || /\s$/.test(current) ? '' : ' ';
  return current + sep + s;
}
