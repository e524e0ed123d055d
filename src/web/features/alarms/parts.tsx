// Small pieces of the alarm pages: the level, status and type tags, the sound switch, and the texts of an alarm's
// type, binding and system notes.
import { Button, Space, Tag, Tooltip } from 'antd';
import { MutedOutlined, SoundOutlined } from '@ant-design/icons';
import type { TFunction } from 'i18next';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { AlarmLevel } from '../../../shared/devices.ts';
import type { AlarmStatus } from '../../../shared/alarms.ts';
import { armSound, setMuted, useAlarmSound } from './alarm-sound.ts';
import type { AlarmSummary } from './api.ts';
import { durationText, keyText } from '../devices/public.ts';
import './locales.ts';

const LEVEL_COLORS: Record<AlarmLevel, string> = { red: 'red', orange: 'orange', yellow: 'gold' };
const STATUS_COLORS: Record<AlarmStatus, string> = { active: 'red', acknowledged: 'orange', cleared: 'default' };

/** What raised an alarm: its rule's own name, else its type by name, else its category. */
export function alarmTypeText(t: TFunction, a: Pick<AlarmSummary, 'alarmType' | 'category'> & { ruleName?: string | null }): string {
  return a.ruleName || t(`alarms.types.${a.alarmType}`, { defaultValue: t(`alarms.category.${a.category}`) });
}

/** "居民 张*" / "场所 和平超市". */
export function bindingText(t: TFunction, b: AlarmSummary['binding']): string {
  return `${t(`alarms.bindingKinds.${b.kind}`)} ${b.name ?? '—'}`;
}

/** A clear note, with the system's own notes (sys:…) named. */
export function noteText(t: TFunction, note: string | null): string | null {
  if (!note) return null;
  return note.startsWith('sys:') ? t(`alarms.sysNotes.${note}`, { defaultValue: t('alarms.cleared') }) : note;
}

const TIMES = ['since', 'firstAt', 'lastEventAt', 'lastHeardAt'] as const;
const DURATIONS = ['forSec', 'afterSec', 'withinSec'] as const;

/** What raised an alarm (the rule's details as it fired), in words: 条件：心率 低于 45；读数：41；持续：2 分钟；开始于：09:57:00. */
export function detailsText(t: TFunction, d: Record<string, unknown>): string {
  const parts: string[] = [];
  const label = (k: string) => t(`alarms.detailKeys.${k}`);
  const key = typeof d.key === 'string' ? keyText(t, d.key) : null;
  if (typeof d.op === 'string' && d.value !== undefined) parts.push(`${label('condition')}：${key ?? ''} ${t(`devices.rules.ops.${d.op}`)} ${String(d.value)}`);
  else if (key) parts.push(`${label('key')}：${key}`);
  if (d.reading !== undefined && d.reading !== null) parts.push(`${label('reading')}：${String(d.reading)}`);
  if (typeof d.count === 'number') parts.push(`${label('count')}：${d.count}`);
  for (const k of DURATIONS) if (typeof d[k] === 'number') parts.push(`${label(k)}：${durationText(t, d[k] as number)}`);
  for (const k of TIMES) if (typeof d[k] === 'string') parts.push(`${label(k)}：${dayjs(d[k] as string).format('MM-DD HH:mm:ss')}`);
  return parts.join('；');
}

export function LevelTag({ level }: { level: AlarmLevel }) {
  const { t } = useTranslation();
  return <Tag color={LEVEL_COLORS[level]} data-testid="alarm-level">{t(`alarms.level.${level}`)}</Tag>;
}

export function AlarmStatusTag({ status }: { status: AlarmStatus }) {
  const { t } = useTranslation();
  return <Tag color={STATUS_COLORS[status]} data-testid="alarm-status">{t(`alarms.status.${status}`)}</Tag>;
}

/** 开启声音 until the browser lets the page play sound, then a mute switch. */
export function SoundSwitch() {
  const { t } = useTranslation();
  const sound = useAlarmSound();
  if (!sound.armed) {
    return (
      <Tooltip title={t('alarms.sound.blockedTip')}>
        <Button type="primary" danger icon={<SoundOutlined />} onClick={() => void armSound()} data-testid="sound-enable">{t('alarms.sound.enable')}</Button>
      </Tooltip>
    );
  }
  return (
    <Space>
      <Tooltip title={t('alarms.sound.enabledTip')}>
        <Button
          icon={sound.muted ? <MutedOutlined /> : <SoundOutlined />} onClick={() => setMuted(!sound.muted)}
          data-testid="sound-mute" data-muted={sound.muted ? '1' : '0'} data-played={sound.played}
        >
          {sound.muted ? t('alarms.sound.unmute') : t('alarms.sound.mute')}
        </Button>
      </Tooltip>
    </Space>
  );
}
