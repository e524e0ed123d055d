import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// The web's floors, lowest first: lib (API client, i18n, data loading) · ui (shared components, the map family) ·
// features (one folder a capability) · app (shell, router, providers). A floor imports only the floors below it;
// a feature uses another only through that feature's api or public files.
const WEB = path.resolve('src/web');
const SHARED = path.resolve('src/shared');
const under = (...parts: string[]) => path.join(WEB, ...parts);

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesUnder(path.join(dir, e.name)) : /\.(tsx?|css)$/.test(e.name) ? [path.join(dir, e.name)] : []);
}

/** Every file the code imports by a relative path (scripts, lazy pages and stylesheets), resolved from `file`. */
function localImports(file: string, code: string): string[] {
  const specs = [
    ...code.matchAll(/^\s*(?:import|export)[^'"]*?from\s*['"]([^'"]+)['"]/gm),
    ...code.matchAll(/^\s*import\s*['"]([^'"]+)['"]/gm),
    ...code.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g),
    ...code.matchAll(/@import\s+(?:url\()?['"]([^'"]+)['"]/g),
  ].map((m) => m[1]!);
  return specs.filter((s) => s.startsWith('.')).map((s) => path.resolve(path.dirname(file), s));
}

const rel = (p: string) => path.relative(WEB, p);
const inside = (p: string, dir: string) => p === dir || p.startsWith(dir + path.sep);

/** The feature a path lies in (`cases` for src/web/features/cases/…), or null outside features/. */
function featureOf(p: string): string | null {
  const parts = path.relative(under('features'), p).split(path.sep);
  return parts.length > 1 && parts[0] !== '..' ? parts[0]! : null;
}

// What a feature offers the others: its api files (calls and types) and a public file naming the components it shares.
const PUBLIC_FILE = /^(api|public)\.tsx?$/;
// What pages use of the app floor: the signed-in session and the menu's rules (who may open which page).
const APP_FOR_FEATURES = ['app/auth.tsx', 'app/nav.ts'];

/** What breaks the floors in one file of src/web (`file` relative to src/web). */
function floorProblems(file: string, code: string): string[] {
  const abs = under(file);
  const floor = file.split(path.sep)[0];
  const own = featureOf(abs);
  const problems: string[] = [];
  for (const target of localImports(abs, code)) {
    const to = rel(target);
    if (floor === 'lib' && !inside(target, under('lib')) && !inside(target, SHARED)) problems.push(`lib imports ${to}`);
    if (floor === 'ui' && !inside(target, under('ui')) && !inside(target, under('lib')) && !inside(target, SHARED)) problems.push(`ui imports ${to}`);
    if (floor !== 'features') continue;
    if (inside(target, under('app')) && !APP_FOR_FEATURES.includes(to)) problems.push(`a feature imports ${to}`);
    const other = featureOf(target);
    if (other && other !== own && !PUBLIC_FILE.test(path.basename(target))) {
      problems.push(`features/${own} reaches into ${to}`);
    }
  }
  return problems;
}

const files = ['lib', 'ui', 'features'].flatMap((floor) => filesUnder(under(floor))).map((f) => rel(f));

describe('web floors', () => {
  it.each(files)('%s keeps to its floor', (file) => {
    expect(floorProblems(file, readFileSync(under(file), 'utf8'))).toEqual([]);
  });

  // the rule itself: each line is an import the floors forbid or allow
  it.each([
    ['ui/ErrorState.tsx', "import { errorText } from '../app/api.ts';", false],
    ['ui/map/PinMap.tsx', "import type { UnitFeatures } from '../../features/org/api.ts';", false],
    ['ui/map/PinMap.tsx', "import { boundsOf } from './geometry.ts';", true],
    ['ui/ErrorState.tsx', "import { errorText } from '../lib/api.ts';", true],
    ['lib/api.ts', "import { Button } from '../ui/Button.tsx';", false],
    ['lib/api.ts', "import type { ApiErrorBody } from '../../shared/errors.ts';", true],
    ['features/cases/desktop/CaseMap.tsx', "import { baseStyle } from '../../org/mapStyle.ts';", false],
    ['features/matters/MattersPage.tsx', "import '../cases/desktop/desktop.css';", false],
    ['features/cases/desktop/IntakePage.tsx', "import { fetchFeatures } from '../../org/api.ts';", true],
    ['features/audit/AuditPage.tsx', "import { listAccounts } from '../identity/accounts/api.ts';", true],
    ['features/org/MyGridPage.tsx', "import { MobileCasesHome } from '../cases/mobile/MobileCasesHome.tsx';", false],
    ['features/cases/desktop/IntakePage.tsx', "import { useMe } from '../../../app/auth.tsx';", true],
    ['features/audit/AuditPage.tsx', "import { Shell } from '../../app/Shell.tsx';", false],
    ['features/audit/AuditPage.tsx', "const page = () => import('../org/OrgMapPage.tsx');", false],
  ])('%s: %s → allowed %s', (file, line, allowed) => {
    expect(floorProblems(file, line).length === 0).toBe(allowed);
  });
});
