// Ids the generator makes itself: random-looking (version 4 layout) but drawn from the seeded source, so a seed gives
// the same ids every run.
const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

const word = (random: () => number) => Math.floor(random() * 4294967296) >>> 0;

/** A UUID (8-4-4-4-12 hex, version 4, variant 10) from four 32-bit draws. */
export function uuidFrom(random: () => number): string {
  const a = word(random);
  const b = word(random);
  const c = word(random);
  const d = word(random);
  const h = (x: number, shift: number) => HEX[(x >>> shift) & 0xff]!;
  return `${h(a, 24)}${h(a, 16)}${h(a, 8)}${h(a, 0)}-${h(b, 24)}${h(b, 16)}-4${HEX[(b >>> 8) & 0xff]!.slice(1)}${h(b, 0)}-`
    + `${HEX[0x80 | ((c >>> 24) & 0x3f)]}${h(c, 16)}-${h(c, 8)}${h(c, 0)}${h(d, 24)}${h(d, 16)}${h(d, 8)}${h(d, 0)}`;
}
