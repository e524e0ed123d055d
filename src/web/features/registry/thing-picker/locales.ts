// Texts of 在部件处上报 (the thing picker of the report forms) and the thing a case names, registered into i18next at
// module load under `thingPicker`. Kinds and risk levels are named by LABELS (src/domain/registry/columns.ts).
import { i18n } from '../../../lib/i18n.ts';

export const thingPickerZh = {
  label: '在部件处上报',
  placeholder: '不关联部件',
  hint: '上报位置附近登记的部件（消防栓、井盖、挡墙等）；同一部件上未办结的同类案件会优先提示为重复。',
  suggested: '建议',
  distance: '{{m}} 米',
  empty: '附近 200 米内没有登记的部件',
  pinFirst: '先在地图上标出位置',
  none: '不关联',
  caseLabel: '部件',
  risk: '风险等级 {{level}}',
  open: '查看部件档案',
  sameThing: '同一部件',
};

export const thingPickerEn: typeof thingPickerZh = {
  label: 'Report at a registered thing',
  placeholder: 'No thing',
  hint: 'Registered things near the point (hydrants, manhole covers, retaining walls …); open cases of the same thing and category are suggested first as duplicates.',
  suggested: 'Suggested',
  distance: '{{m}} m',
  empty: 'No registered thing within 200 m',
  pinFirst: 'Place the point on the map first',
  none: 'None',
  caseLabel: 'Thing',
  risk: 'risk {{level}}',
  open: 'Open the thing\'s record',
  sameThing: 'Same thing',
};

i18n.addResourceBundle('zh-CN', 'translation', { thingPicker: thingPickerZh }, true, false);
i18n.addResourceBundle('en', 'translation', { thingPicker: thingPickerEn }, true, false);
