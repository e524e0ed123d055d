// Ranking places for the address search: plain data in, an ordered list out. A candidate carries its name, its
// aliases and, for each, the pinyin (full and initials) worked out by the caller; the query is matched as typed
// text (exact, prefix, substring, or the name inside a longer address such as "春晖社区3号楼旁") and as pinyin
// (initials such as "chsq" for 春晖社区, or the full spelling).

export interface PlaceCandidate<T = unknown> {
  /** what the caller gets back */
  item: T;
  /** every name the place answers to: its name first, then aliases */
  names: readonly string[];
  /** per name, in the same order: full pinyin without tones or spaces ("chunhuishequ") and initials ("chsq"), lower case */
  pinyin: readonly { full: string; initials: string }[];
  /** broader places come first among equal matches (a community before its grids): smaller is broader */
  breadth: number;
  /** the last tie-breaker: a stable order (the unit code) */
  order: string;
}

/** How well a query matches, best first; a candidate matching nothing is left out. */
export const MATCH = {
  exact: 0,
  prefix: 1,
  /** the whole name appears in the query: a typed address that starts from a known place */
  nameInQuery: 2,
  substring: 3,
  pinyinExact: 4,
  pinyinPrefix: 5,
  pinyinSubstring: 6,
} as const;

/** Queries are compared without surrounding or inner spaces and in lower case (pinyin, Latin letters in names). */
export function normaliseQuery(q: string): string {
  return q.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
}

/** A name found inside a query counts from two characters: a lone "村" is no place. */
const MIN_NAME_IN_QUERY = 2;

export function matchScore(query: string, names: readonly string[], pinyin: readonly { full: string; initials: string }[]): number | null {
  const q = normaliseQuery(query);
  if (!q) return null;
  let best: number | null = null;
  const take = (s: number) => { if (best === null || s < best) best = s; };
  names.forEach((raw, i) => {
    const name = normaliseQuery(raw);
    if (!name) return;
    if (name === q) take(MATCH.exact);
    else if (name.startsWith(q)) take(MATCH.prefix);
    // only the place's own name: a short alias ("春晖") inside an address would drag in its neighbours
    else if (i === 0 && name.length >= MIN_NAME_IN_QUERY && q.includes(name)) take(MATCH.nameInQuery);
    else if (name.includes(q)) take(MATCH.substring);
  });
  // pinyin only for queries of Latin letters (digits in names stay digits in the initials: "d1wg" for 第1网格)
  if (best === null && /^[a-z0-9]+$/.test(q) && /[a-z]/.test(q)) {
    for (const p of pinyin) {
      for (const spelled of [p.initials, p.full]) {
        if (!spelled) continue;
        if (spelled === q) take(MATCH.pinyinExact);
        else if (spelled.startsWith(q)) take(MATCH.pinyinPrefix);
        else if (q.length >= 2 && spelled.includes(q)) take(MATCH.pinyinSubstring);
      }
    }
  }
  return best;
}

/**
 * The candidates that match, best first: by match, then for a name found inside the query the longest name (the
 * most precise place), then broader places, then the stable order. At most `limit`.
 */
export function rankPlaces<T>(query: string, candidates: readonly PlaceCandidate<T>[], limit: number): T[] {
  const hits: { c: PlaceCandidate<T>; score: number; length: number }[] = [];
  for (const c of candidates) {
    const score = matchScore(query, c.names, c.pinyin);
    if (score === null) continue;
    hits.push({ c, score, length: score === MATCH.nameInQuery ? c.names[0]!.length : 0 });
  }
  hits.sort((a, b) => a.score - b.score || b.length - a.length || a.c.breadth - b.c.breadth || (a.c.order < b.c.order ? -1 : a.c.order > b.c.order ? 1 : 0));
  return hits.slice(0, limit).map((h) => h.c.item);
}

/**
 * The other names of an org unit: a grid without its community's prefix ("第1网格"), a dedicated grid by what it
 * covers ("春晖路小学" for 春晖路小学专属网格), a community or village without its suffix ("春晖" for 春晖社区).
 */
export function unitAliases(name: string, level: string, parentName: string | null): string[] {
  const out = new Set<string>();
  if (parentName && name.startsWith(parentName) && name.length > parentName.length) out.add(name.slice(parentName.length));
  if (level === 'dedicatedGrid' && name.endsWith('专属网格') && name.length > 4) out.add(name.slice(0, -4));
  if (level === 'community' || level === 'town') {
    const m = /^(.{2,}?)(社区|村|街道|镇|乡)$/.exec(name);
    if (m) out.add(m[1]!);
  }
  out.delete(name);
  return [...out];
}
