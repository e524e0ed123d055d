// Small pieces of the device pages: the online state tag, the battery, durations in words, a rule in one line, and a
// reading key by name.
import { Progress, Space, Tag, Tooltip, Typography } from 'antd';
import type { TFunction } from 'i18next';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { DeviceState } from '../../../shared/devices.ts';
import type { Rule } from './api.ts';
import './locales.ts';

const STATE_COLORS: Record<DeviceState, string> = { online: 'green', offline: 'red', never: 'default' };
export const LOW_BATTERY = 20;

export function StateTag({ state, lastSeenAt }: { state: DeviceState; lastSeenAt?: string | null }) {
  const { t } = useTranslation();
  return (
    <Space orientation="vertical" size={0}>
      <Tag color={STATE_COLORS[state]} data-testid="device-state" data-state={state}>{t(`devices.states.${state}`)}</Tag>
      {lastSeenAt !== undefined ? <Typography.Text type="secondary" style={{ fontSize: 12 }}>{lastSeenAt ? dayjs(lastSeenAt).format('MM-DD HH:mm') : t('devices.never')}</Typography.Text> : null}
    </Space>
  );
}

export function Battery({ value }: { value: number | null }) {
  const { t } = useTranslation();
  if (value === null) return <Typography.Text type="secondary">—</Typography.Text>;
  const low = value < LOW_BATTERY;
  return (
    <Tooltip title={low ? t('devices.lowBattery') : undefined}>
      <Progress percent={value} size="small" steps={5} strokeColor={low ? '#cf1322' : '#389e0d'} format={(p) => `${p}%`} data-testid="device-battery" />
    </Tooltip>
  );
}

/** 90 → "90 秒", 7200 → "2 小时", 86400 → "1 天"; the largest unit that divides it. */
export function durationText(t: TFunction, sec: number): string {
  if (sec > 0 && sec % 86400 === 0) return t('devices.duration.d', { n: sec / 86400 });
  if (sec > 0 && sec % 3600 === 0) return t('devices.duration.h', { n: sec / 3600 });
  if (sec > 0 && sec % 60 === 0) return t('devices.duration.min', { n: sec / 60 });
  return t('devices.duration.s', { n: sec });
}

export const keyText = (t: TFunction, key: string | null | undefined) => (key ? t(`devices.keys.${key}`, { defaultValue: key }) : '—');

/** 心率低于45，持续 2 分钟（22:00–06:00）. */
export function ruleSummary(t: TFunction, r: Rule): string {
  const w = r.window ? t('devices.rules.summary.window', { from: r.window.from, to: r.window.to }) : '';
  switch (r.kind) {
    case 'threshold': {
      const base = { key: keyText(t, r.key), op: t(`devices.rules.ops.${r.op}`), value: r.value };
      return (r.forSec > 0 ? t('devices.rules.summary.threshold', { ...base, dur: durationText(t, r.forSec) }) : t('devices.rules.summary.thresholdNow', base)) + w;
    }
    case 'inactivity':
      return (r.key ? t('devices.rules.summary.inactivity', { key: keyText(t, r.key), dur: durationText(t, r.afterSec) }) : t('devices.rules.summary.inactivityAny', { dur: durationText(t, r.afterSec) })) + w;
    case 'repeat':
      return (r.count === 1 ? t('devices.rules.summary.repeatOnce', { key: keyText(t, r.key) }) : t('devices.rules.summary.repeat', { key: keyText(t, r.key), count: r.count, dur: durationText(t, r.withinSec) })) + w;
    case 'offline':
      return t('devices.rules.summary.offline', { dur: durationText(t, r.afterSec) }) + w;
  }
}
