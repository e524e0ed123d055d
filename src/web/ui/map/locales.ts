// Texts of the map family (the report maps' hints, the place search, the snap to the nearest grid), registered
// into i18next at module load under the `map` key.
import { i18n } from '../../lib/i18n.ts';

export const mapZh = {
  searchPlaceholder: '搜索地点：社区、网格、地址或拼音首字母',
  searching: '正在搜索…',
  noPlace: '没有找到该地点',
  searchFailed: '搜索失败，请重试',
  fromGeocoder: '天地图',
  kinds: { town: '街道', community: '社区', grid: '网格', dedicatedGrid: '专属网格', poi: '地点', area: '区域' } as Record<string, string>,
  pinStart: '标记在{{name}}中央：拖动标记或点击地图，放到事发位置',
  pinStartPublic: '拖动标记或点击地图，放到事发位置',
  pinMoved: '已选定位置，可继续拖动标记调整',
  pinPlace: '已移到“{{name}}”，可拖动标记微调',
  outsideShown: '该位置不在图上任何网格内',
  snap: '移到最近的网格',
  snapDistance: '（约 {{m}} 米）',
  loadingMap: '正在加载地图…',
  attribution: '底图：{{text}}',
};

export const mapEn: typeof mapZh = {
  searchPlaceholder: 'Search a place: community, grid, address or pinyin initials',
  searching: 'Searching…',
  noPlace: 'No such place found',
  searchFailed: 'Search failed; try again',
  fromGeocoder: 'Tianditu',
  kinds: { town: 'Sub-district', community: 'Community', grid: 'Grid', dedicatedGrid: 'Dedicated grid', poi: 'Place', area: 'Area' },
  pinStart: 'The pin is in the middle of {{name}}: drag it or tap the map where the problem is',
  pinStartPublic: 'Drag the pin or tap the map where the problem is',
  pinMoved: 'Place chosen; drag the pin to adjust',
  pinPlace: 'Moved to “{{name}}”; drag the pin to adjust',
  outsideShown: 'This point is in none of the grids shown',
  snap: 'Move to the nearest grid',
  snapDistance: ' (about {{m}} m)',
  loadingMap: 'Loading the map…',
  attribution: 'Basemap: {{text}}',
};

i18n.addResourceBundle('zh-CN', 'translation', { map: mapZh }, true, false);
i18n.addResourceBundle('en', 'translation', { map: mapEn }, true, false);
