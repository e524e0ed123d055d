// The facts of a matter on the phone (antd-mobile): yes/no and options as buttons to tap, numbers in a stepper-free
// input with the unit; and the band the facts place the case in, from the same pure rule as the server.
import { Input, Selector, Tag } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { proposeBenchmark, type MatterRules } from '../../../../domain/enforcement/benchmarks.ts';
import type { FactDef, Facts, FactValue } from '../../../../shared/enforcement.ts';
import { bandText } from '../parts.tsx';

export function MobileFacts({ defs, value, onChange }: { defs: FactDef[]; value: Facts; onChange(v: Facts): void }) {
  const { t } = useTranslation();
  const set = (key: string, v: FactValue | null) => {
    const next = { ...value };
    if (v === null) delete next[key]; else next[key] = v;
    onChange(next);
  };
  return (
    <div className="menf-facts" data-testid="menf-facts">
      {defs.map((f) => (
        <div key={f.key} className="menf-fact" data-testid="menf-fact" data-key={f.key}>
          <div className="menf-fact-label">{f.optional ? null : <span className="menf-req">*</span>}{f.label}</div>
          {f.kind === 'boolean' ? (
            <Selector columns={2} value={value[f.key] === undefined ? [] : [String(value[f.key])]} onChange={(v) => set(f.key, v[0] === undefined ? null : v[0] === 'true')}
              options={[{ value: 'true', label: t('enf.yes') }, { value: 'false', label: t('enf.no') }]} />
          ) : f.kind === 'number' ? (
            <div className="menf-number">
              <Input type="number" inputMode="decimal" value={value[f.key] === undefined ? '' : String(value[f.key])} data-testid={`mfact-${f.key}`}
                onChange={(v) => { const n = Number(v); set(f.key, v.trim() === '' || !Number.isFinite(n) ? null : n); }} />
              <span>{f.unit}</span>
            </div>
          ) : (
            <Selector columns={2} value={value[f.key] === undefined ? [] : [String(value[f.key])]} onChange={(v) => set(f.key, v[0] ?? null)}
              options={f.options.map((o) => ({ value: o.value, label: o.label }))} />
          )}
        </div>
      ))}
    </div>
  );
}

export function MobileBand({ matter, facts }: { matter: MatterRules | null; facts: Facts }) {
  const { t } = useTranslation();
  if (!matter) return <div className="mc-hint">{t('enf.band.waiting')}</div>;
  const p = proposeBenchmark(matter, facts);
  return (
    <div className="menf-band" data-testid="menf-band" data-ok={String(p.ok)} data-benchmark={p.ok ? p.benchmark.key : ''}>
      {p.ok ? (
        <>
          <div><Tag color="danger" fill="solid">{p.benchmark.name}</Tag> <strong>{bandText(t, p.benchmark.penalty)}</strong></div>
          <div className="mc-hint">{p.benchmark.description}</div>
        </>
      ) : p.code === 'ENFORCEMENT_FACT_MISSING' ? <div className="mc-hint">{t('enf.band.missing', { facts: p.missing.map((f) => f.label).join('、') })}</div>
        : p.code === 'ENFORCEMENT_INVALID' ? <div className="mc-error">{t('enf.band.invalid', { reasons: p.reasons.join('；') })}</div>
          : <div className="mc-error">{t('enf.band.noMatch')}</div>}
    </div>
  );
}
