import type { MultiPolygon, Polygon } from 'geojson';
import type { Tx } from '../platform/db/db.ts';
import { buildLocator, type Locator } from '../../domain/org/locator.ts';
import { geometryRevision, listLocatableAreas } from './store.ts';

/**
 * Keeps one in-memory locator per process and rebuilds it when the boundary revision in the
 * database moves, so every node answers the same after an import on any node.
 */
export class GridLocatorCache {
  private readonly db: Tx;
  private revision = -1;
  private locator: Locator | null = null;
  private building: Promise<Locator> | null = null;

  constructor(db: Tx) {
    this.db = db;
  }

  async current(): Promise<Locator> {
    const revision = await geometryRevision(this.db);
    if (this.locator && revision === this.revision) return this.locator;
    this.building ??= this.rebuild(revision).finally(() => {
      this.building = null;
    });
    return this.building;
  }

  private async rebuild(revision: number): Promise<Locator> {
    const areas = await listLocatableAreas(this.db);
    const locator = buildLocator(areas.map((a) => ({ id: a.id, geometry: a.geometry as Polygon | MultiPolygon })));
    this.locator = locator;
    this.revision = revision;
    return locator;
  }
}
