// Runs before every npm script that executes project code (start, test, bench, worker, backup, restore, dev,
// typecheck), possibly on an older system Node: installs the locked dependencies (Node 24 among them, as the `node`
// package, whose binary npm then puts first on the PATH of every script) when node_modules is missing or older than
// package-lock.json. Plain JavaScript on purpose: the system Node may not run TypeScript.
//
// What a newcomer sees: a numbered step, the packages downloaded so far and the elapsed time (npm's own progress
// bar is not shown when its output is read by this script), then npm's summary line.
//
// Engine warnings: npm checks each package's `engines` against the Node that runs npm itself (the system Node), not
// the Node the project runs on, so on a system Node older than 24 it warns EBADENGINE for this project and for every
// dependency that needs Node 22+ although none of them will ever run on the system Node (npm offers no setting to
// check against another Node; `engine-strict=false` in .npmrc only keeps them warnings). Those warnings are held back
// and re-checked against the project's own Node once it is installed: only a requirement it does not meet is shown.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';

const marker = 'node_modules/.package-lock.json';
const stale = !existsSync(marker) || statSync('package-lock.json').mtimeMs > statSync(marker).mtimeMs + 1000;
// `npm start` counts its steps (this one, the web build, the server); other scripts only say when they install
const step = process.env.npm_lifecycle_event === 'prestart' ? '[1/3] ' : '';

if (!stale) {
  if (step) console.log(`${step}Dependencies are installed (node_modules matches package-lock.json).`);
} else {
  await install();
}

async function install() {
  const lock = JSON.parse(readFileSync('package-lock.json', 'utf8'));
  const expected = Object.entries(lock.packages ?? {}).filter(([k, v]) => k !== '' && !v.link && !v.optional).length;
  const runtime = lock.packages?.['node_modules/node']?.version;
  console.log(`${step}Installing dependencies with npm ci (${expected} packages${runtime ? `, Node.js ${runtime} among them` : ''}; `
    + 'the first time this takes one to three minutes, depending on the network)…');

  const started = Date.now();
  let downloaded = 0; // package tarballs fetched
  let lookedUp = 0; // package documents fetched (the lock names versions and hashes, not download addresses)
  const tty = process.stdout.isTTY === true;
  const status = () => {
    const seconds = `${Math.round((Date.now() - started) / 1000)} s`;
    // short enough for an 80-column terminal, where a wrapped line could not be rewritten in place
    if (downloaded === 0) return `  looking up packages in the registry: ${Math.min(lookedUp, expected)}/${expected} · ${seconds}`;
    if (downloaded < expected) return `  downloading packages: ${downloaded}/${expected} · ${seconds}`;
    return `  all ${expected} downloaded; unpacking, running install scripts · ${seconds}`;
  };
  let statusShown = false;
  const clearStatus = () => { if (tty && statusShown) process.stdout.write('\r\x1b[K'); statusShown = false; };
  const say = (line) => { clearStatus(); process.stdout.write(`${line}\n`); };
  const tick = setInterval(() => {
    if (tty) { process.stdout.write(`\r\x1b[K${status()}`); statusShown = true; } else console.log(status());
  }, tty ? 1000 : 15_000);

  // --loglevel=http: npm logs each download, which is what the count above is made of (not printed)
  const npm = process.env.npm_execpath
    ? spawn(process.execPath, [process.env.npm_execpath, 'ci', '--no-audit', '--no-fund', '--loglevel=http'], { stdio: ['ignore', 'pipe', 'pipe'] })
    : spawn('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=http'], { stdio: ['ignore', 'pipe', 'pipe'], shell: process.platform === 'win32' });
  const engineWarnings = [];
  let engineBlock = null;
  const onLine = (line) => {
    if (/^npm http fetch /.test(line)) {
      if (/\.tgz\b/.test(line)) downloaded++;
      else lookedUp++;
      return;
    }
    const engine = /^npm warn EBADENGINE(.*)$/.exec(line);
    if (engine) {
      const text = engine[1].trim();
      if (text.startsWith('Unsupported engine')) engineBlock = { package: '', required: '' };
      const pkg = /^package: '(.+)',?$/.exec(text);
      if (pkg && engineBlock) engineBlock.package = pkg[1];
      const req = /^required: \{ node: '(.+)' \},?$/.exec(text);
      if (req && engineBlock) engineBlock.required = req[1];
      if (text === '}' && engineBlock) { engineWarnings.push(engineBlock); engineBlock = null; }
      return;
    }
    if (line.trim() !== '') say(line);
  };
  const split = (stream) => {
    let rest = '';
    stream.setEncoding('utf8');
    stream.on('data', (chunk) => {
      const lines = (rest + chunk).split(/\r?\n/);
      rest = lines.pop() ?? '';
      lines.forEach(onLine);
    });
    stream.on('end', () => { if (rest) onLine(rest); });
  };
  split(npm.stdout);
  split(npm.stderr);
  const code = await new Promise((resolve) => npm.on('close', resolve));
  clearInterval(tick);
  clearStatus();
  if (code !== 0) {
    console.error(`npm ci failed (exit code ${code}) after ${Math.round((Date.now() - started) / 1000)} s; the messages above say why.`);
    process.exit(typeof code === 'number' ? code : 1);
  }
  reportEngines(engineWarnings);
  console.log(`${step ? '      ' : ''}Dependencies installed in ${Math.round((Date.now() - started) / 1000)} s.`);
}

/** The held-back EBADENGINE warnings, checked against the Node the project runs on; those it does not meet are shown. */
function reportEngines(warnings) {
  if (warnings.length === 0) return;
  const projectNode = readInstalledNodeVersion();
  const semver = npmSemver();
  const unmet = warnings.filter((w) => !projectNode || !semver || !w.required || !semver.satisfies(projectNode, w.required));
  for (const w of unmet) {
    console.warn(`warning: ${w.package || 'a package'} needs Node.js ${w.required || '(see npm ci --loglevel=warn)'}; `
      + `the project's Node.js is ${projectNode ?? 'not installed'} (the system Node.js is ${process.version}).`);
  }
  const met = warnings.length - unmet.length;
  if (met > 0) {
    console.log(`      (npm compared the Node.js requirements of ${met} package${met === 1 ? '' : 's'} with the system Node.js ${process.version}; `
      + `the project's own Node.js ${projectNode}, which runs them, meets ${met === 1 ? 'it' : `all ${met}`}.)`);
  }
}

function readInstalledNodeVersion() {
  try {
    return JSON.parse(readFileSync('node_modules/node/package.json', 'utf8')).version ?? null;
  } catch {
    return null;
  }
}

/** npm's own copy of semver (npm is what runs this script), so the check needs nothing installed. */
function npmSemver() {
  try {
    return process.env.npm_execpath ? createRequire(process.env.npm_execpath)('semver') : null;
  } catch {
    return null;
  }
}
