// A text area with 语音输入 beside it where the phone offers speech recognition (hidden where it does not): old people
// can say what they would struggle to type. What is heard is added to what is typed; the words can be corrected after.
import { useEffect, useRef, useState } from 'react';
import { Button, TextArea } from 'antd-mobile';
import { AudioOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { appendSpoken, recognitionLang, speechRecognition, type Recognition } from './speech.ts';
import './locales.ts';
import './elder.css';

export function VoiceTextArea({ id, value, onChange, placeholder, maxLength, rows = 4, testId }: {
  /** the text area's id: the page's <label htmlFor> names it */
  id: string;
  value: string;
  onChange: (v: string) => void;
  placeholder?: string;
  maxLength?: number;
  rows?: number;
  testId?: string;
}) {
  const { t, i18n } = useTranslation();
  const [listening, setListening] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const rec = useRef<Recognition | null>(null);
  const latest = useRef(value);
  latest.current = value;
  const Ctor = speechRecognition();

  useEffect(() => () => rec.current?.abort(), []);

  const start = () => {
    if (!Ctor) return;
    setProblem(null);
    const r = new Ctor();
    r.lang = recognitionLang(i18n.language);
    r.continuous = false;
    r.interimResults = false;
    r.onresult = (e) => {
      let heard = '';
      for (let i = e.resultIndex; i < e.results.length; i++) {
        const res = e.results[i]!;
        if (res.isFinal) heard += res[0]?.transcript ?? '';
      }
      if (heard) {
        const next = appendSpoken(latest.current, heard, i18n.language);
        onChange(maxLength ? next.slice(0, maxLength) : next);
      }
    };
    r.onerror = (e) => setProblem(e.error === 'not-allowed' || e.error === 'service-not-allowed' ? t('elder.voiceDenied') : e.error === 'aborted' ? null : t('elder.voiceFailed'));
    r.onend = () => { setListening(false); rec.current = null; };
    rec.current = r;
    try {
      r.start();
      setListening(true);
    } catch {
      setProblem(t('elder.voiceFailed'));
    }
  };
  const stop = () => rec.current?.stop();

  return (
    <div className="zz-voice" data-testid={testId}>
      <TextArea id={id} value={value} onChange={onChange} placeholder={placeholder} maxLength={maxLength} rows={rows}
        autoSize={{ minRows: rows, maxRows: 12 }} showCount={!!maxLength} />
      {Ctor ? (
        <div className="zz-voice-bar">
          <Button size="small" color={listening ? 'danger' : 'primary'} fill={listening ? 'solid' : 'outline'} shape="rounded"
            onClick={listening ? stop : start} data-testid="voice-input" aria-pressed={listening}>
            <AudioOutlined aria-hidden /> {listening ? t('elder.voiceStop') : t('elder.voice')}
          </Button>
          {listening ? <span className="zz-voice-hint" role="status">{t('elder.listening')}</span> : null}
        </div>
      ) : null}
      {problem ? <div className="zz-voice-problem" role="alert">{problem}</div> : null}
    </div>
  );
}
