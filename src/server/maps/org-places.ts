// The org units as places: towns, communities and grids with a boundary, found by name, alias or pinyin. Their
// pinyin is worked out here (pinyin-pro stays on the server) and remembered by name.
import { pinyin } from 'pinyin-pro';
import type { PlaceCandidate } from '../../domain/places/search.ts';
import { unitAliases } from '../../domain/places/search.ts';
import { labelPoint } from '../../shared/geometry.ts';
import type { OrgLevel } from '../../shared/org-levels.ts';
import type { Place, PlaceSource } from './place-sources.ts';
import { listPlaceUnits } from './store.ts';

const LEVELS: readonly OrgLevel[] = ['town', 'community', 'dedicatedGrid', 'grid'];
/** broader first among equal matches */
const BREADTH: Partial<Record<OrgLevel, number>> = { community: 0, town: 1, dedicatedGrid: 2, grid: 3 };

const spelled = new Map<string, { full: string; initials: string }>();
export function pinyinOf(name: string): { full: string; initials: string } {
  let p = spelled.get(name);
  if (!p) {
    p = {
      full: pinyin(name, { toneType: 'none', separator: '', nonZh: 'consecutive' }).toLowerCase().replace(/\s+/g, ''),
      initials: pinyin(name, { pattern: 'first', toneType: 'none', separator: '', nonZh: 'consecutive' }).toLowerCase().replace(/\s+/g, ''),
    };
    if (spelled.size > 20_000) spelled.clear();
    spelled.set(name, p);
  }
  return p;
}

export const orgUnitPlaces: PlaceSource = {
  name: 'org',
  async candidates(tx, _query, area) {
    const rows = await listPlaceUnits(tx, area.path, LEVELS);
    return rows.flatMap((u): PlaceCandidate<Place>[] => {
      const at = labelPoint(u.geometry);
      if (!at) return [];
      const names = [u.name, ...unitAliases(u.name, u.level, u.parent_name)];
      const context = u.level === 'town' ? '' : u.level === 'community' ? (u.town_name ?? '') : [u.town_name, u.parent_name].filter(Boolean).join(' · ');
      return [{
        item: { key: `org:${u.id}`, source: 'org', kind: u.level, name: u.name, context, at: { lng: at[0], lat: at[1] } },
        names, pinyin: names.map(pinyinOf), breadth: BREADTH[u.level] ?? 9, order: u.code,
      }];
    });
  },
};
