import type { MultiPolygon, Polygon } from 'geojson';
import type { Tx } from '../platform/db/db.ts';
import { buildLocator, locatingOrder, type Locator } from '../../domain/org/locator.ts';
import { LOCATABLE_LEVELS } from '../../shared/org-levels.ts';
import { geometryRevision, listLocatableAreas } from './store.ts';

/**
 * Keeps one in-memory locator per process and rebuilds it when the boundary revision in the
 * database moves, so every node answers the same after an import on any node.
 */
export class GridLocatorCache {
  private readonly db: Tx;
  private readonly maxAgeMs: number;
  private revision = -1;
  private checkedAt = -Infinity;
  private locator: Locator | null = null;
  private building: Promise<Locator> | null = null;

  /** `maxAgeMs`: how long a node may answer from its index before asking the database for the revision again */
  constructor(db: Tx, maxAgeMs = 1000) {
    this.db = db;
    this.maxAgeMs = maxAgeMs;
  }

  /** Forget the last check: the next look-up asks the database (after an import on this node). */
  invalidate(): void {
    this.checkedAt = -Infinity; // performance.now() starts near 0: a 0 here would still look fresh
  }

  async current(): Promise<Locator> {
    const started = performance.now();
    if (this.locator && started - this.checkedAt < this.maxAgeMs) return this.locator;
    const revision = await geometryRevision(this.db);
    this.checkedAt = started;
    if (this.locator && revision === this.revision) return this.locator;
    this.building ??= this.rebuild(revision).finally(() => {
      this.building = null;
    });
    return this.building;
  }

  private async rebuild(revision: number): Promise<Locator> {
    const areas = locatingOrder(await listLocatableAreas(this.db, LOCATABLE_LEVELS));
    const locator = buildLocator(areas.map((a) => ({ id: a.id, geometry: a.geometry as Polygon | MultiPolygon })));
    this.locator = locator;
    this.revision = revision;
    return locator;
  }
}
