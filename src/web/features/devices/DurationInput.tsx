// A duration in seconds entered as a number and a unit (秒, 分钟, 小时, 天): shows the largest unit that divides it.
import { useEffect, useState } from 'react';
import { InputNumber, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { RULE_LIMITS } from '../../../shared/devices.ts';

const UNITS = [['d', 86400], ['h', 3600], ['min', 60], ['s', 1]] as const;
type Unit = (typeof UNITS)[number][0];
const SEC: Record<Unit, number> = { d: 86400, h: 3600, min: 60, s: 1 };

function split(sec: number | undefined): { n: number | null; unit: Unit } {
  if (sec === undefined || sec === null) return { n: null, unit: 'min' };
  const u = UNITS.find(([, s]) => sec > 0 && sec % s === 0)?.[0] ?? 's';
  return { n: sec / SEC[u], unit: u };
}

export function DurationInput({ value, onChange, testId, disabled, placeholder }: { value?: number; onChange?: (sec: number | undefined) => void; testId?: string; disabled?: boolean; placeholder?: string }) {
  const { t } = useTranslation();
  const [unit, setUnit] = useState<Unit>(() => split(value).unit);
  // a value set from outside (a reset, another rule) takes its own best unit
  useEffect(() => { if (value !== undefined && value % SEC[unit] !== 0) setUnit(split(value).unit); }, [value]); // eslint-disable-line react-hooks/exhaustive-deps
  const n = value === undefined || value === null ? null : value / SEC[unit];
  return (
    <Space.Compact data-testid={testId}>
      <InputNumber
        min={0} max={Math.floor(RULE_LIMITS.maxSec / SEC[unit])} value={n} disabled={disabled} placeholder={placeholder} style={{ width: 90 }}
        onChange={(x) => onChange?.(x === null ? undefined : Math.round(Number(x) * SEC[unit]))}
      />
      <Select<Unit>
        value={unit} disabled={disabled} style={{ width: 80 }}
        onChange={(u) => { setUnit(u); if (n !== null) onChange?.(Math.round(n * SEC[u])); }}
        options={UNITS.map(([u]) => ({ value: u, label: t(`devices.rules.units.${u}`) }))}
      />
    </Space.Compact>
  );
}
