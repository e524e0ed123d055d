// PGlite on disk, made to flush its commits to the disk.
//
// As shipped (0.5.x) it cannot: it starts PostgreSQL with `-F` (fsync off), and even with fsync on nothing would reach
// the disk, because Emscripten's NODEFS has no fsync operation (fsync() returns success having done nothing) and its
// fdatasync() is a no-op. Commits then sit in the OS page cache: they survive a killed process, not a power cut or an
// OS crash. Here NODEFS gets a real fsync, and PostgreSQL runs with fsync on and syncs its WAL with fsync() (the one
// call that now reaches the host), so a commit returns only after fsync(2) of its WAL, as on PostgreSQL itself.
import fs from 'node:fs';
import path from 'node:path';
import { PGlite, type PGliteOptions } from '@electric-sql/pglite';
import { NodeFS } from '@electric-sql/pglite/nodefs';

/** PGlite's own start parameters, then fsync back on (a later `-c` wins over `-F`), WAL synced by fsync() */
const FSYNC_START_PARAMS: readonly string[] = [...PGlite.defaultStartParams, '-c', 'fsync=on', '-c', 'wal_sync_method=fsync'];

interface NodeFsStream {
  nfd: number;
  node: unknown;
}
/** the parts of Emscripten's NODEFS (not in PGlite's types) this file relies on */
interface EmscriptenNodeFs {
  stream_ops: { fsync?: (stream: NodeFsStream) => number };
  realPath(node: unknown): string;
  tryFSOperation<T>(f: () => T): T;
}

/** per open PGlite: how many fsync(2) calls reached a WAL file */
const walFsyncs = new WeakMap<PGlite, { count: number }>();

export class FsyncingNodeFS extends NodeFS {
  override async init(pg: PGlite, opts: Parameters<NodeFS['init']>[1]) {
    const counter = { count: 0 };
    walFsyncs.set(pg, counter);
    const { emscriptenOpts } = await super.init(pg, opts);
    const addFsync = (mod: { NODEFS: unknown }) => {
      const nodefs = mod.NODEFS as EmscriptenNodeFs;
      nodefs.stream_ops.fsync = (stream) => {
        // an error becomes an errno, so PostgreSQL PANICs instead of acknowledging the commit
        nodefs.tryFSOperation(() => fs.fsyncSync(stream.nfd));
        if (nodefs.realPath(stream.node).includes(`${path.sep}pg_wal${path.sep}`)) counter.count++;
        return 0;
      };
    };
    return { emscriptenOpts: { ...emscriptenOpts, preRun: [addFsync, ...(emscriptenOpts.preRun ?? [])] } };
  }
}

/**
 * PGlite on disk at `dataDir`, flushing its commits, with every file already there flushed too. `options` as PGlite's
 * (a restore passes `loadDataDir`).
 */
export async function createFsyncingPglite(dataDir: string, options: PGliteOptions = {}): Promise<PGlite> {
  const lite = await PGlite.create({ ...options, dataDir, fs: new FsyncingNodeFS(dataDir), startParams: [...FSYNC_START_PARAMS] });
  fsyncTree(dataDir);
  return lite;
}

/**
 * Whether a commit reaches the disk: commits one transaction that writes to the WAL (a logical message, which touches
 * no table) and checks that fsync(2) of the WAL ran before the commit returned. False for a PGlite not opened with
 * FsyncingNodeFS, with fsync off, or with synchronous_commit off.
 */
export async function commitReachesDisk(lite: PGlite): Promise<boolean> {
  const counter = walFsyncs.get(lite);
  if (!counter) return false;
  const before = counter.count;
  await lite.query(`select pg_logical_emit_message(true, 'zhizhi', 'commit probe')`);
  return counter.count > before;
}

/**
 * fsync(2) of every file and folder under `dir`: what initdb and crash recovery do in PostgreSQL. Files PGlite wrote
 * without fsync (the cluster it creates, a restored backup, an earlier run with fsync off) reach the disk once here.
 */
function fsyncTree(dir: string): void {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) fsyncTree(p);
    else if (entry.isFile()) fsyncPath(p);
  }
  fsyncPath(dir);
}

function fsyncPath(p: string): void {
  let fd: number;
  try {
    fd = fs.openSync(p, 'r');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return; // removed meanwhile (a temporary file)
    throw err;
  }
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}
