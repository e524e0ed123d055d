import { describe, expect, it } from 'vitest';
import { buildingLayout, normaliseRoomNo, roomNumber, roomPosition } from '../../../src/domain/registry/layout.ts';

const h = (id: string, unitNo: number | null, roomNo: string | null, floorNo: number | null = null) => ({ id, unitNo, floorNo, roomNo, name: `户${id}` });

describe('room numbers', () => {
  it.each<[number, number, string]>([[1, 1, '101'], [3, 2, '302'], [12, 3, '1203'], [9, 10, '910'], [30, 12, '3012']])('floor %i, room %i → %s', (floor, index, no) => {
    expect(roomNumber(floor, index)).toBe(no);
  });

  it.each<[string, string]>([['302', '302'], ['0302', '302'], ['302室', '302'], ['３０２', '302'], [' 302 ', '302'], ['3A', '3A'], ['12号', '12']])('%j is written %j', (raw, no) => {
    expect(normaliseRoomNo(raw)).toBe(no);
  });

  const shape = { units: 2, floors: 12, roomsPerFloor: 4 };
  it.each<[string, { floorNo: number; index: number } | null]>([
    ['101', { floorNo: 1, index: 1 }],
    ['1204', { floorNo: 12, index: 4 }],
    ['0302室', { floorNo: 3, index: 2 }],
    ['1301', null], // no 13th floor
    ['105', null], // 4 rooms a floor
    ['100', null],
    ['12', null],
    ['3A', null],
  ])('%s sits at %j', (roomNo, at) => {
    expect(roomPosition(roomNo, shape)).toEqual(at);
  });
});

describe('the building view', () => {
  it('draws units, floors from the top down, rooms along each floor', () => {
    const layout = buildingLayout({ units: 2, floors: 3, roomsPerFloor: 2 }, []);
    expect(layout.unplaced).toEqual([]);
    expect(layout.units.map((u) => u.unitNo)).toEqual([1, 2]);
    expect(layout.units[0]!.floors.map((f) => f.floorNo)).toEqual([3, 2, 1]);
    expect(layout.units[1]!.floors.map((f) => f.rooms.map((r) => r.roomNo))).toEqual([['301', '302'], ['201', '202'], ['101', '102']]);
  });

  it('puts each household in its unit and room, and lists apart those the grid has no room for', () => {
    const inRoom = h('a', 1, '302');
    const otherUnit = h('b', 2, '0101');
    const noUnit = h('c', null, '201');
    const unitTooMany = h('d', 3, '101');
    const roomTooMany = h('e', 1, '303');
    const floorTooHigh = h('f', 2, '401');
    const oddName = h('g', 1, '3A');
    const noRoom = h('h', 1, null);
    const sameRoom = h('i', 1, '302室');
    const layout = buildingLayout({ units: 2, floors: 3, roomsPerFloor: 2 }, [inRoom, otherUnit, noUnit, unitTooMany, roomTooMany, floorTooHigh, oddName, noRoom, sameRoom]);
    const room = (unit: number, floor: number, index: number) => layout.units[unit - 1]!.floors.find((f) => f.floorNo === floor)!.rooms[index - 1]!;
    expect(room(1, 3, 2)).toEqual({ roomNo: '302', household: inRoom });
    expect(room(2, 1, 1)).toEqual({ roomNo: '101', household: otherUnit });
    expect(room(1, 2, 1)).toEqual({ roomNo: '201' });
    expect(layout.unplaced).toEqual([noUnit, unitTooMany, roomTooMany, floorTooHigh, oddName, noRoom, sameRoom]);
    const placed = layout.units.flatMap((u) => u.floors.flatMap((f) => f.rooms.filter((r) => r.household)));
    expect(placed).toHaveLength(2);
  });

  it('places a household without a unit number in a building of one unit', () => {
    const household = h('a', null, '1203');
    const layout = buildingLayout({ units: 1, floors: 12, roomsPerFloor: 3 }, [household]);
    expect(layout.units[0]!.floors[0]).toEqual({ floorNo: 12, rooms: [{ roomNo: '1201' }, { roomNo: '1202' }, { roomNo: '1203', household }] });
    expect(layout.unplaced).toEqual([]);
  });
});
