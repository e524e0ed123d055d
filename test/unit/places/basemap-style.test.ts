import { describe, expect, it } from 'vitest';
import { GROUND, rasterStyle, vectorLayers } from '../../../src/web/ui/map/basemap-style.ts';

describe('the basemap style', () => {
  it('is the plain ground alone without a basemap', () => {
    expect(rasterStyle(null)).toEqual({ version: 8, sources: {}, layers: [{ id: 'background', type: 'background', paint: { 'background-color': GROUND } }] });
  });

  it('puts Tianditu\'s vector map under its annotation, with the attribution once', () => {
    const tiles = (layer: string) => [`https://t0.tianditu.gov.cn/${layer}_w/wmts?TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk=k`];
    const style = rasterStyle({
      datum: 'wgs84', attribution: '天地图',
      layers: [{ kind: 'raster', tiles: tiles('vec'), scheme: 'xyz', tileSize: 256, maxZoom: 18 }, { kind: 'raster', tiles: tiles('cva'), scheme: 'xyz', tileSize: 256, maxZoom: 18 }],
    });
    expect(style.layers.map((l) => l.id)).toEqual(['background', 'basemap-0', 'basemap-1']);
    expect(style.sources['basemap-0']).toEqual({ type: 'raster', tiles: tiles('vec'), scheme: 'xyz', tileSize: 256, maxzoom: 18, attribution: '天地图' });
    expect(style.sources['basemap-1']).toMatchObject({ tiles: tiles('cva'), attribution: '' });
  });

  it('leaves a PMTiles archive to the browser side, and styles vector tiles of both schemas', () => {
    const style = rasterStyle({ datum: 'wgs84', attribution: '', layers: [{ kind: 'pmtiles', tiles: ['pmtiles:///t.pmtiles'], scheme: 'xyz', tileSize: 256, maxZoom: 18 }] });
    expect(style.layers).toHaveLength(1);
    const layers = vectorLayers('basemap-0');
    expect(layers.every((l) => 'source' in l && l.source === 'basemap-0')).toBe(true);
    expect(layers.map((l) => (l as { 'source-layer': string })['source-layer'])).toEqual(expect.arrayContaining(['earth', 'water', 'roads', 'transportation', 'building']));
  });
});
