// The building view (楼栋图): a building drawn as units side by side, floors from the top down, rooms along each floor,
// each room with the household living there. Room numbers follow the usual convention: floor × 100 + the room's place
// on the floor (302 is the second room of the third floor, 1203 the third of the twelfth). Plain rules, no I/O.

export interface BuildingShape {
  units: number;
  floors: number;
  roomsPerFloor: number;
}

export interface PlacedHousehold {
  id: string;
  unitNo: number | null;
  floorNo: number | null;
  roomNo: string | null;
}

export interface LayoutRoom<T> { roomNo: string; household?: T }
export interface LayoutFloor<T> { floorNo: number; rooms: LayoutRoom<T>[] }
export interface LayoutUnit<T> { unitNo: number; floors: LayoutFloor<T>[] }
export interface BuildingLayout<T> {
  units: LayoutUnit<T>[];
  /** households of the building whose unit or room is not in the grid (a room numbered otherwise, a unit too many, a second household in one room) */
  unplaced: T[];
}

/** The room number of the index-th room (from 1) of a floor: roomNumber(3, 2) = '302', roomNumber(12, 3) = '1203'. */
export function roomNumber(floor: number, index: number): string {
  return String(floor * 100 + index);
}

/**
 * A room number as people write it, made comparable: full-width digits to half-width, spaces, a trailing 室 or 号
 * and leading zeros dropped ('0302', '302室', '３０２' → '302'). Other forms (e.g. '3A') are kept as written.
 */
export function normaliseRoomNo(roomNo: string): string {
  const s = roomNo.normalize('NFKC').replace(/\s+/g, '').replace(/[室号]$/, '');
  return /^\d+$/.test(s) ? String(Number(s)) : s;
}

/** Where a room number sits in a building of this shape: its floor and place on the floor; null when it is not one of its rooms. */
export function roomPosition(roomNo: string, building: BuildingShape): { floorNo: number; index: number } | null {
  const s = normaliseRoomNo(roomNo);
  if (!/^\d{3,}$/.test(s)) return null;
  const n = Number(s);
  const floorNo = Math.floor(n / 100);
  const index = n % 100;
  if (floorNo < 1 || floorNo > building.floors || index < 1 || index > building.roomsPerFloor) return null;
  return { floorNo, index };
}

/**
 * The building's grid with its households placed by unit and room number. A household without a unit number is in
 * unit 1 when the building has only one. The floor a household names is not needed: the room number says it.
 */
export function buildingLayout<T extends PlacedHousehold>(building: BuildingShape, households: readonly T[]): BuildingLayout<T> {
  const byRoom = new Map<string, T>();
  const unplaced: T[] = [];
  for (const h of households) {
    const unitNo = h.unitNo ?? (building.units === 1 ? 1 : null);
    const position = h.roomNo === null ? null : roomPosition(h.roomNo, building);
    const key = `${unitNo}:${h.roomNo === null ? '' : normaliseRoomNo(h.roomNo)}`;
    if (unitNo === null || unitNo < 1 || unitNo > building.units || position === null || byRoom.has(key)) unplaced.push(h);
    else byRoom.set(key, h);
  }
  const units: LayoutUnit<T>[] = [];
  for (let unitNo = 1; unitNo <= building.units; unitNo++) {
    const floors: LayoutFloor<T>[] = [];
    for (let floorNo = building.floors; floorNo >= 1; floorNo--) {
      const rooms: LayoutRoom<T>[] = [];
      for (let index = 1; index <= building.roomsPerFloor; index++) {
        const roomNo = roomNumber(floorNo, index);
        const household = byRoom.get(`${unitNo}:${roomNo}`);
        rooms.push(household ? { roomNo, household } : { roomNo });
      }
      floors.push({ floorNo, rooms });
    }
    units.push({ unitNo, floors });
  }
  return { units, unplaced };
}
