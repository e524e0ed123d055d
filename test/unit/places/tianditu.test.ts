import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GeocoderError, parseTiandituSearch } from '../../../src/server/maps/tianditu.ts';
import { loadMapSettings, tileTemplates } from '../../../src/server/maps/settings.ts';

const fixture = (name: string) => JSON.parse(readFileSync(new URL(`../../fixtures/tianditu/${name}`, import.meta.url), 'utf8'));

describe('Tianditu place search answers', () => {
  it('reads places (resultType 1), skipping those without a name or a position, in both lonlat spellings', () => {
    expect(parseTiandituSearch(fixture('search-poi.json'), 10)).toEqual([
      { key: 'tianditu:C3A1B0E6D7F1A2B3', source: 'tianditu', kind: 'poi', name: '春晖路小学', context: '示范区 春晖路12号', at: { lng: 106.4832, lat: 29.4651 } },
      { key: 'tianditu:C3A1B0E6D7F1A2B4', source: 'tianditu', kind: 'poi', name: '春晖路小学(东门)', context: '示范区 春晖路14号', at: { lng: 106.4841, lat: 29.4655 } },
    ]);
    expect(parseTiandituSearch(fixture('search-poi.json'), 1)).toHaveLength(1);
  });

  it('reads a single place given as an object, and an administrative area (resultType 3)', () => {
    const one = { resultType: 1, pois: { name: '翠湖公园', lonlat: '106.49,29.47' }, status: { infocode: 1000 } };
    expect(parseTiandituSearch(one, 5).map((p) => p.name)).toEqual(['翠湖公园']);
    expect(parseTiandituSearch(fixture('search-area.json'), 5)).toEqual([
      { key: 'tianditu:area:示范区', source: 'tianditu', kind: 'area', name: '示范区', context: '', at: { lng: 106.5, lat: 29.45 } },
    ]);
    // statistics per region (resultType 2) hold no place to go to
    expect(parseTiandituSearch({ resultType: 2, statistics: {}, status: { infocode: 1000 } }, 5)).toEqual([]);
  });

  it('refuses an answer that is not a success', () => {
    expect(() => parseTiandituSearch(fixture('search-refused.json'), 5)).toThrow(GeocoderError);
    expect(() => parseTiandituSearch(fixture('search-refused.json'), 5)).toThrow(/权限验证失败/);
    expect(() => parseTiandituSearch('<html>', 5)).toThrow(GeocoderError);
  });
});

describe('tile settings', () => {
  it.each([
    ['https://{s}.tile.example.com/{z}/{x}/{y}.png', ['a', 'b'], ['https://a.tile.example.com/{z}/{x}/{y}.png', 'https://b.tile.example.com/{z}/{x}/{y}.png'], 'xyz'],
    ['https://tms.example.com/{z}/{x}/{-y}.png', [], ['https://tms.example.com/{z}/{x}/{y}.png'], 'tms'],
    ['https://w.example.com/wmts?layer=v&TileMatrix={TileMatrix}&TileRow={TileRow}&TileCol={TileCol}', [], ['https://w.example.com/wmts?layer=v&TileMatrix={z}&TileRow={y}&TileCol={x}'], 'xyz'],
  ])('%s', (template, subdomains, tiles, scheme) => {
    expect(tileTemplates(template, subdomains)).toMatchObject({ tiles, scheme });
  });

  it('chooses Tianditu before a template before PMTiles, and nothing by default', () => {
    expect(loadMapSettings({}).basemap).toBeNull();
    expect(loadMapSettings({ MAP_TIANDITU_KEY: 'k', MAP_TILES_URL: 'https://x/{z}/{x}/{y}' }).basemap?.source).toBe('tianditu');
    expect(loadMapSettings({ MAP_PMTILES_URL: 'https://x/a.pmtiles', MAP_TILES_URL: 'https://x/{z}/{x}/{y}' }).basemap?.source).toBe('xyz');
    expect(() => loadMapSettings({ MAP_PMTILES_URL: 'ftp://x/a.pmtiles' })).toThrow(/MAP_PMTILES_URL must be http/);
  });
});
