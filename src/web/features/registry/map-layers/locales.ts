// Texts of the map layers (风险点落图) over the grid map, registered into i18next at module load under `registryMap`.
// Kinds and risk levels are named by LABELS (src/domain/registry/columns.ts), as on the registry pages.
import { i18n } from '../../../lib/i18n.ts';

export const registryMapZh = {
  title: '图层',
  layers: { buildings: '楼栋', places: '场所', things: '风险点' },
  risk: '风险等级',
  open: '打开档案',
  zoomIn: '地图范围过大，放大后显示图层',
  truncated: '当前范围内{{layers}}过多，只显示一部分（风险高的优先），放大可看全',
  failed: '图层加载失败',
  kindOf: { buildings: '楼栋', places: '场所', things: '部件' },
};

export const registryMapEn: typeof registryMapZh = {
  title: 'Layers',
  layers: { buildings: 'Buildings', places: 'Places', things: 'Risk points' },
  risk: 'Risk level',
  open: 'Open record',
  zoomIn: 'Zoom in to show the layers',
  truncated: 'Too many {{layers}} in view: only some are shown (highest risk first); zoom in to see all',
  failed: 'The layers could not be loaded',
  kindOf: { buildings: 'Building', places: 'Place', things: 'Thing' },
};

i18n.addResourceBundle('zh-CN', 'translation', { registryMap: registryMapZh }, true, false);
i18n.addResourceBundle('en', 'translation', { registryMap: registryMapEn }, true, false);
