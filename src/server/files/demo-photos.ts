import sharp from 'sharp';
import type { Db } from '../platform/db/db.ts';
import type { BlobStore } from './blob-store.ts';
import { uploadFile } from './upload-file.ts';

/**
 * Photos for the demo: small real JPEGs drawn from a seeded street scene (sky, buildings, pavement and, before the
 * work, the thing reported; after it, the place cleared), stored through the same upload as a phone's photo. Drawn,
 * not shipped, so the repository carries no binary files.
 */

export type DemoScene = 'manhole' | 'garbage' | 'poster' | 'water' | 'lamp' | 'crack' | 'stall' | 'people';

const SKIES = [['#9cc9f0', '#e6f2fb'], ['#b7c4cf', '#eef1f4'], ['#f3c98b', '#fbe9cf'], ['#8fb3d9', '#dbe8f5']] as const;
const WALLS = ['#d9cbb6', '#c9c2b8', '#e3d6c4', '#bfb5a8', '#d4c4a8'];

function building(x: number, y: number, w: number, h: number, wall: string, windowLit: (i: number) => boolean): string {
  const windows: string[] = [];
  let i = 0;
  for (let wy = y + 12; wy < y + h - 20; wy += 26) {
    for (let wx = x + 10; wx < x + w - 16; wx += 22) {
      windows.push(`<rect x="${wx}" y="${wy}" width="12" height="14" fill="${windowLit(i++) ? '#f6e7a1' : '#6c7a89'}"/>`);
    }
  }
  return `<rect x="${x}" y="${y}" width="${w}" height="${h}" fill="${wall}"/>${windows.join('')}`;
}

function subject(scene: DemoScene, v: number): string {
  switch (scene) {
    case 'manhole':
      return `<ellipse cx="${230 + v * 9}" cy="300" rx="58" ry="20" fill="#2f2f2f"/><path d="M${190 + v * 9} 296 l30 -8 l18 12 l-24 10 z" fill="#6b6b6b"/>`;
    case 'garbage':
      return `<ellipse cx="${250 + v * 7}" cy="300" rx="90" ry="26" fill="#6d5b45"/><circle cx="${225 + v * 7}" cy="286" r="20" fill="#3f6f3a"/>`
        + `<circle cx="${262 + v * 7}" cy="280" r="24" fill="#2d2d2d"/><rect x="${285 + v * 7}" y="270" width="26" height="24" fill="#b8a27c"/>`;
    case 'poster':
      return [0, 1, 2, 3, 4].map((k) => `<rect x="${90 + k * 46 + v * 3}" y="${150 + (k % 2) * 30}" width="34" height="44" fill="${['#e84d3d', '#f2f2f2', '#f7d046', '#5aa1e3', '#f2f2f2'][k]}"/>`).join('');
    case 'water':
      return `<ellipse cx="240" cy="305" rx="${170 + v * 6}" ry="30" fill="#7ea6c4" opacity="0.85"/><ellipse cx="220" cy="300" rx="60" ry="8" fill="#c8dceb"/>`;
    case 'lamp':
      return `<rect x="${300 + v * 5}" y="120" width="8" height="180" fill="#4a4a4a"/><rect x="${284 + v * 5}" y="112" width="40" height="12" fill="#4a4a4a"/>`
        + `<ellipse cx="${304 + v * 5}" cy="128" rx="16" ry="6" fill="#555"/>`;
    case 'crack':
      return `<path d="M${120 + v * 10} 180 l20 30 l-12 25 l26 34 l-8 30" stroke="#3a3a3a" stroke-width="5" fill="none"/>`;
    case 'stall':
      return `<rect x="${180 + v * 8}" y="250" width="120" height="40" fill="#8a5a2b"/><path d="M${170 + v * 8} 250 l70 -40 l70 40 z" fill="#d9534f"/>`
        + `<circle cx="${205 + v * 8}" cy="244" r="9" fill="#f0ad4e"/><circle cx="${228 + v * 8}" cy="244" r="9" fill="#5cb85c"/>`;
    case 'people':
      return [0, 1].map((k) => `<circle cx="${200 + k * 70 + v * 4}" cy="222" r="14" fill="#e0b48c"/><rect x="${188 + k * 70 + v * 4}" y="238" width="24" height="56" rx="8" fill="${k ? '#3b6ea5' : '#a54b3b'}"/>`).join('');
    default: {
      const never: never = scene;
      throw new Error(`unknown scene ${String(never)}`);
    }
  }
}

/** One 480 × 360 JPEG of the scene; `variant` moves things about, `after` shows the place once the work is done. */
export async function drawDemoPhoto(scene: DemoScene, variant: number, after: boolean): Promise<Buffer> {
  const [top, bottom] = SKIES[variant % SKIES.length]!;
  const lit = (i: number) => (i * 7 + variant * 3) % 5 === 0;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="480" height="360">
  <defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${top}"/><stop offset="1" stop-color="${bottom}"/></linearGradient></defs>
  <rect width="480" height="360" fill="url(#sky)"/>
  ${building(10 + (variant % 3) * 6, 60, 140, 200, WALLS[variant % WALLS.length]!, lit)}
  ${building(165, 30 + (variant % 4) * 8, 150, 230, WALLS[(variant + 2) % WALLS.length]!, lit)}
  ${building(330, 80, 140, 180, WALLS[(variant + 4) % WALLS.length]!, lit)}
  <rect y="260" width="480" height="100" fill="#9a9a96"/><rect y="262" width="480" height="6" fill="#c8c8c2"/>
  ${after && scene !== 'lamp' && scene !== 'people' ? '' : subject(scene, variant)}
  ${after && scene === 'lamp' ? `<circle cx="${304 + variant * 5}" cy="132" r="30" fill="#fff3b0" opacity="0.7"/>` : ''}
</svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 72 }).toBuffer();
}

/** Draws and stores `variants` before and after photos of each scene; answers their hashes by scene. */
export async function storeDemoPhotos(
  db: Db, blobs: BlobStore, scenes: readonly DemoScene[], variants: number, uploadedBy: string | null,
): Promise<Map<DemoScene, { before: string[]; after: string[] }>> {
  const stored = new Map<DemoScene, { before: string[]; after: string[] }>();
  for (const scene of scenes) {
    const set = { before: [] as string[], after: [] as string[] };
    for (let v = 0; v < variants; v++) {
      set.before.push((await uploadFile(db, blobs, await drawDemoPhoto(scene, v, false), uploadedBy)).hash);
      set.after.push((await uploadFile(db, blobs, await drawDemoPhoto(scene, v, true), uploadedBy)).hash);
    }
    stored.set(scene, set);
  }
  return stored;
}
