// The categories offered on the anonymous 随手拍 page. Anonymous callers cannot read /api/matters (it needs
// a login and answers the caller's town), so this short list MIRRORS THE SEED CATALOG
// (src/server/platform/seed/catalogs/matters.json): codes and names only, no tiers or deadlines, which
// each town may set differently. A town that has not opened one of these answers 422 CATEGORY_UNKNOWN,
// which the page shows. Future work: a public catalog endpoint (e.g. GET /api/public/matters?lng=&lat=)
// so this list comes from the server.
import type { CategoryOption } from './fields.tsx';

export const PUBLIC_CATEGORIES: readonly CategoryOption[] = [
  { code: 'E0101', name: '暴露垃圾', class: '市容环境' },
  { code: 'E0201', name: '非法小广告', class: '市容环境' },
  { code: 'E0401', name: '占道经营', class: '街面秩序' },
  { code: 'E0402', name: '占用堵塞消防通道', class: '街面秩序' },
  { code: 'E0404', name: '电动自行车违规停放充电', class: '街面秩序' },
  { code: 'E0301', name: '施工扰民', class: '施工管理' },
  { code: 'C0101', name: '井盖破损缺失', class: '公用设施' },
  { code: 'C0201', name: '路灯损坏', class: '公用设施' },
  { code: 'M0101', name: '代办帮办服务', class: '民生服务' },
];
