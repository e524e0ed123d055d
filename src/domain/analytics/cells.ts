/*
 * 高频诉求 (issue 17): the places of a hot-spot count are cells of about 200 m. A cell is a row of latitude (a fixed
 * step of degrees, 200 m of meridian) and a column of longitude whose step widens with the row's latitude, so a cell is
 * about 200 m across everywhere in the city. Pure: the same point always snaps to the same key.
 */

/** Metres of one degree of latitude (and of longitude at the equator). */
const METRES_PER_DEGREE = 111_320;
export const CELL_METRES = 200;

export interface Cell {
  /** `row:col`, stable across requests */
  key: string;
  row: number;
  col: number;
  /** the cell's centre */
  lng: number;
  lat: number;
}

const latStep = (metres: number) => metres / METRES_PER_DEGREE;
const lngStep = (row: number, metres: number) => {
  const centreLat = (row + 0.5) * latStep(metres);
  return metres / (METRES_PER_DEGREE * Math.cos((centreLat * Math.PI) / 180));
};

function cellAt(row: number, col: number, metres: number): Cell {
  const dLat = latStep(metres);
  const dLng = lngStep(row, metres);
  return { key: `${row}:${col}`, row, col, lng: round6((col + 0.5) * dLng), lat: round6((row + 0.5) * dLat) };
}

const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

/** The cell holding a point (WGS-84 / GCJ-02 degrees alike: the grid is only a way to group near points). */
export function cellOf(lng: number, lat: number, metres = CELL_METRES): Cell {
  const row = Math.floor(lat / latStep(metres));
  const col = Math.floor(lng / lngStep(row, metres));
  return cellAt(row, col, metres);
}

/** The cell of a key made by `cellOf`; null for a key that is not one. */
export function cellOfKey(key: string, metres = CELL_METRES): Cell | null {
  const m = /^(-?\d{1,9}):(-?\d{1,9})$/.exec(key);
  if (!m) return null;
  return cellAt(Number(m[1]), Number(m[2]), metres);
}
