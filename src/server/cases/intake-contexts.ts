import type { Tx } from '../platform/db/db.ts';
import type { MatterRow } from '../matters/store.ts';
import { findIntakeContext } from './store.ts';

export interface IntakeContext {
  grid: { path: string };
  town: { id: string; code: string; path: string };
  /** the town's current Matter of the category; null: no such category, or retired */
  matter: MatterRow | null;
}

type Place = Omit<IntakeContext, 'matter'>;

/** Enough for every grid and every town's catalog of a city; beyond it the oldest entries go first. */
const MAX_GRIDS = 100_000;
const MAX_MATTERS = 50_000;

/**
 * What intake reads on every report and what rarely changes, kept per node: a grid's path and town, and a town's current
 * Matter of a category. An entry is never trusted on its own: the intake statement checks, in the snapshot it writes
 * in, that the Matter is still current and unretired and the grid's and town's paths are unchanged, and writes nothing
 * otherwise; intake then forgets the entries and reads afresh (`store.insertReport`, outcome `stale`). So a change
 * committed on any node is honoured by the next report on every node, with no notification and no staleness window.
 * Only hits are kept: an unknown category or a retired Matter is asked of the database each time, so a Matter added
 * or revived on another node is found at once.
 */
export class IntakeContexts {
  private readonly places = new Map<string, Place>();
  private readonly matters = new Map<string, MatterRow>();

  async find(tx: Tx, gridId: string, categoryCode: string): Promise<IntakeContext | null> {
    const place = this.places.get(gridId);
    const matter = place && this.matters.get(matterKey(place.town.id, categoryCode));
    if (place && matter) return { ...place, matter };
    const found = await findIntakeContext(tx, gridId, categoryCode);
    if (!found) return null;
    remember(this.places, gridId, { grid: found.grid, town: found.town }, MAX_GRIDS);
    if (found.matter && found.matter.current && !found.matter.retired_at) {
      remember(this.matters, matterKey(found.town.id, categoryCode), found.matter, MAX_MATTERS);
      return found;
    }
    return { ...found, matter: null };
  }

  /** The statement found the context changed: read it afresh next time. */
  forget(gridId: string, townId: string, categoryCode: string): void {
    this.places.delete(gridId);
    this.matters.delete(matterKey(townId, categoryCode));
  }
}

const matterKey = (townId: string, code: string) => `${townId}\u0000${code}`;

function remember<V>(map: Map<string, V>, key: string, value: V, max: number): void {
  map.delete(key);
  map.set(key, value);
  if (map.size > max) map.delete(map.keys().next().value!);
}

const byDatabase = new WeakMap<Tx, IntakeContexts>();

/** The node's contexts for one database handle (one per app; tests open many). */
export function intakeContextsOf(db: Tx): IntakeContexts {
  let contexts = byDatabase.get(db);
  if (!contexts) {
    contexts = new IntakeContexts();
    byDatabase.set(db, contexts);
  }
  return contexts;
}
