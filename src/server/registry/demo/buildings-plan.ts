import type { Random } from '../../cases/demo/random.ts';
import { ageOn } from './people.ts';
import { planHouseholds, type PeopleState, type PlannedHousehold } from './households-plan.ts';
import type { SpotPicker, Spot } from './spots.ts';

/**
 * The buildings of a demo grid and which of their flats are lived in: estates of walk-ups (6–7 floors, brick, the
 * steel plant's housing of the 1990s) and of high-rises (11–18 floors), each building units × floors × rooms, and the
 * households placed in its rooms — not every room, as in a real registry. Pure data from a seeded generator.
 */

export interface EstateSpec {
  /** 春晖苑: its buildings are 春晖苑1栋, 2栋 … */
  name: string;
  /** the street address of the estate's gate: 春晖路168号 */
  address: string;
  kind: 'old' | 'new';
  /** the households to place in its buildings */
  households: number;
}

export interface PlannedBuilding {
  key: string;
  name: string;
  address: string;
  location: Spot;
  units: number;
  floors: number;
  roomsPerFloor: number;
  structure: string;
  builtYear: number;
  estate: EstateSpec;
  /** households in the building's rooms */
  flats: PlannedFlat[];
}

export interface PlannedFlat {
  unitNo: number;
  floorNo: number;
  roomNo: string;
  household: PlannedHousehold;
}

/** how many of a building's rooms the registry has a household for */
const OCCUPANCY = { old: 0.82, new: 0.62 } as const;

/** The room number people write on the door: floor and room, 302 or 1804. */
export const roomNoOf = (floor: number, room: number): string => `${floor}${String(room).padStart(2, '0')}`;

function sizeOf(r: Random, kind: 'old' | 'new') {
  return kind === 'old'
    ? { units: r.int(2, 3), floors: r.int(6, 7), roomsPerFloor: 2, structure: '砖混', builtYear: r.int(1986, 1998) }
    : { units: r.int(2, 3), floors: r.pick([11, 12, 16, 18]), roomsPerFloor: r.int(2, 4), structure: '框架剪力墙', builtYear: r.int(2006, 2013) };
}

/** The eldest member's age: old people live low in a walk-up (no lift), so they get the lower floors first. */
const eldest = (h: PlannedHousehold, today: string) => Math.max(...h.members.map((m) => ageOn(m.birthDate, today)));

export function planEstate(r: Random, people: PeopleState, spots: SpotPicker, estate: EstateSpec, firstNo = 1): PlannedBuilding[] {
  const buildings: PlannedBuilding[] = [];
  let capacity = 0;
  // buildings until their rooms hold the estate's households at the estate's occupancy
  while (capacity * OCCUPANCY[estate.kind] < estate.households) {
    const size = sizeOf(r, estate.kind);
    const no = firstNo + buildings.length;
    buildings.push({
      key: `${estate.name}${no}`, name: `${estate.name}${no}栋`, address: `${estate.address}${estate.name}${no}栋`,
      location: spots.pick(estate.kind === 'old' ? 45 : 60), ...size, estate, flats: [],
    });
    capacity += size.units * size.floors * size.roomsPerFloor;
  }
  const rooms = buildings.flatMap((b) => {
    const all: { b: PlannedBuilding; unitNo: number; floorNo: number; roomNo: string }[] = [];
    for (let u = 1; u <= b.units; u++) {
      for (let f = 1; f <= b.floors; f++) for (let k = 1; k <= b.roomsPerFloor; k++) all.push({ b, unitNo: u, floorNo: f, roomNo: roomNoOf(f, k) });
    }
    return all;
  });
  // which rooms are lived in: a random choice of the estate's households' number
  for (let i = rooms.length - 1; i > 0; i--) {
    const j = r.int(0, i);
    [rooms[i], rooms[j]] = [rooms[j]!, rooms[i]!];
  }
  const lived = rooms.slice(0, estate.households);
  const households = planHouseholds(r, people, estate.households, estate.kind);
  if (estate.kind === 'old') {
    // the oldest households on the lowest floors, give or take
    lived.sort((a, b) => a.floorNo - b.floorNo);
    const ranked = households.map((h) => ({ h, key: eldest(h, people.today) + r.int(-15, 15) })).sort((a, b) => b.key - a.key);
    lived.forEach((room, i) => room.b.flats.push({ unitNo: room.unitNo, floorNo: room.floorNo, roomNo: room.roomNo, household: ranked[i]!.h }));
  } else {
    lived.forEach((room, i) => room.b.flats.push({ unitNo: room.unitNo, floorNo: room.floorNo, roomNo: room.roomNo, household: households[i]! }));
  }
  for (const b of buildings) b.flats.sort((x, y) => x.unitNo - y.unitNo || x.floorNo - y.floorNo || x.roomNo.localeCompare(y.roomNo));
  return buildings;
}
