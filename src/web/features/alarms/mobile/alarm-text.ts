// How an alarm reads on the phone: its kind by name — on a Chinese page the rule's own words (24 小时未开门) when it has
// them, else the alarm type's name, else its category — who it concerns and where.
import type { TFunction } from 'i18next';
import type { AlarmSummary } from './api.ts';

export function alarmWhat(a: Pick<AlarmSummary, 'alarmType' | 'category' | 'ruleName'>, t: TFunction): string {
  const typeName = t(`malarm.types.${a.alarmType}`, { defaultValue: '' });
  // a rule's name is the profile's own text, in Chinese: an English page keeps to the type's name where there is one
  const chinese = t('malarm.lang') === 'zh';
  return (chinese ? a.ruleName || typeName : typeName || a.ruleName) || t(`malarm.categories.${a.category}`);
}

/** 独居老人 张* style: the bound record's masked name, else what it is. */
export function alarmWho(a: Pick<AlarmSummary, 'binding'>, t: TFunction): string {
  return a.binding.name ?? t(`malarm.bindings.${a.binding.kind}`);
}

/** One line for the banner and the list: what, who, where. */
export function alarmLine(a: AlarmSummary, t: TFunction): string {
  return [alarmWhat(a, t), alarmWho(a, t), a.address ?? a.gridName].filter(Boolean).join(' · ');
}
