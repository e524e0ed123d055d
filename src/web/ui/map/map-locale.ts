// MapLibre's own texts (the zoom buttons' titles, the attribution toggle …) in the reader's language; MapLibre's
// defaults are English. Passed as the map's `locale` when it is created.
import { i18n } from '../../lib/i18n.ts';

const zh: Record<string, string> = {
  'AttributionControl.ToggleAttribution': '显示或隐藏数据来源',
  'AttributionControl.MapFeedback': '地图反馈',
  'FullscreenControl.Enter': '全屏',
  'FullscreenControl.Exit': '退出全屏',
  'GeolocateControl.FindMyLocation': '定位到我的位置',
  'GeolocateControl.LocationNotAvailable': '无法获取位置',
  'LogoControl.Title': 'MapLibre 标志',
  'Map.Title': '地图',
  'Marker.Title': '地图标记',
  'NavigationControl.ResetBearing': '重置方向为正北',
  'NavigationControl.ZoomIn': '放大',
  'NavigationControl.ZoomOut': '缩小',
  'Popup.Close': '关闭',
  'ScaleControl.Feet': '英尺',
  'ScaleControl.Meters': '米',
  'ScaleControl.Kilometers': '公里',
  'ScaleControl.Miles': '英里',
  'ScaleControl.NauticalMiles': '海里',
  'GlobeControl.Enable': '显示为地球',
  'GlobeControl.Disable': '显示为平面',
  'TerrainControl.Enable': '显示地形',
  'TerrainControl.Disable': '隐藏地形',
  'CooperativeGesturesHandler.WindowsHelpText': '按住 Ctrl 键并滚动鼠标以缩放地图',
  'CooperativeGesturesHandler.MacHelpText': '按住 ⌘ 键并滚动鼠标以缩放地图',
  'CooperativeGesturesHandler.MobileHelpText': '用两根手指移动地图',
};

/** MapLibre's `locale` for the current language: Chinese texts, or MapLibre's English defaults. */
export function mapLocale(): Record<string, string> | undefined {
  return i18n.language === 'en' ? undefined : zh;
}
