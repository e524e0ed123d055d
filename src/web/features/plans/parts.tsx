// Small pieces the plan pages share: a level's tag in its colour (Ⅳ blue → Ⅰ red), a hazard's tag, a due offset in
// words, and the time format.
import { Tag } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Hazard, PlanLevel } from '../../../shared/plans.ts';
import { PointPickerModal, type LngLat } from '../maps/public.ts';

export const LEVEL_COLOURS: Record<PlanLevel, string> = { IV: 'blue', III: 'gold', II: 'orange', I: 'red' };

export function LevelTag({ level, long }: { level: PlanLevel; long?: boolean }) {
  const { t } = useTranslation();
  return <Tag color={LEVEL_COLOURS[level]} style={{ marginInlineEnd: 4 }} data-testid="plan-level-tag">{long ? t(`plans.levelNames.${level}`) : t(`plans.levels.${level}`)}</Tag>;
}

const HAZARD_COLOURS: Record<Hazard, string> = {
  forestFire: 'volcano', flood: 'geekblue', geologicalHazard: 'purple', buildingCrack: 'magenta', heatWave: 'orange', fire: 'red', hazmat: 'lime',
  publicHealth: 'cyan', other: 'default',
};

export function HazardTag({ hazard }: { hazard: Hazard }) {
  const { t } = useTranslation();
  return <Tag color={HAZARD_COLOURS[hazard]} bordered={false}>{t(`plans.hazards.${hazard}`)}</Tag>;
}

/** 90 → "1小时30分钟"-like words in the reader's language. */
export function dueText(t: TFunction, minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  const parts: string[] = [];
  if (h) parts.push(`${h} ${t('plans.editor.step.hours')}`);
  if (m || !h) parts.push(`${m} ${t('plans.editor.step.minutes')}`);
  return t('plans.editor.step.within', { time: parts.join(' ') });
}

export { timeText } from '../../lib/time-text.ts';

/** Where a resource (or an incident) is, picked on the map; `name` says what is being placed. */
export function ResourcePointModal({ open, name, value, onClose, onPick }: { open: boolean; name: string; value: LngLat | null; onClose(): void; onPick(at: LngLat): void }) {
  const { t } = useTranslation();
  return (
    <PointPickerModal
      open={open} value={value} onClose={onClose} onPick={onPick}
      title={t('plans.editor.resource.pickTitle', { name: name || t('plans.editor.resource.name') })} hint={t('plans.editor.resource.pickHint')}
      okText={t('plans.editor.resource.ok')} cancelText={t('plans.editor.resource.cancel')} testId="resource-point" mapTestId="resource-map"
    />
  );
}
