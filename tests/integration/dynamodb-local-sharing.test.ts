import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ListTablesCommand } from '@aws-sdk/client-dynamodb';
import JSZip from 'jszip';
import { afterAll, describe, expect, it } from 'vitest';
import { createDynamoClients } from '../../src/data/dynamo-client';
import { type RunningDynamoDb, startDynamoDbLocal } from '../../src/local/dynamodb-local';
import { packagedJar, sharingManifest } from '../../src/local/dynamodb-local-jar';
import { setEnvironment } from '../../src/local/set-environment';

/** Temporary sharing roots (an archive is some 30 MB): removed afterwards. */
const roots: string[] = [];
const tempRoot = (prefix: string) => {
  const root = mkdtempSync(join(tmpdir(), prefix));
  roots.push(root);
  return root;
};
afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

/** The archives and jar copies under a sharing root (one directory per jar and Java build). */
function filesUnder(root: string): string[] {
  if (!existsSync(root)) return [];
  return readdirSync(root).flatMap((key) => readdirSync(join(root, key)).map((name) => `${key}/${name}`));
}

/** The files the JVM holds open (its jars among them). */
const openFiles = (db: RunningDynamoDb) =>
  readdirSync(`/proc/${db.pid}/fd`).map((fd) => {
    try {
      return readlinkSync(`/proc/${db.pid}/fd/${fd}`);
    } catch {
      return '';
    }
  });

/** Whether the JVM maps `path` (class data sharing in use), from its memory map. */
const maps = (db: RunningDynamoDb, path: string) =>
  readFileSync(`/proc/${db.pid}/maps`, 'utf8').includes(path);

/** Checks that `db` answers from the package's own jar (no sharing), then stops it. */
async function expectPackagedJarAnswers(db: RunningDynamoDb): Promise<void> {
  try {
    expect(await answers(db)).toBe(true);
    expect(openFiles(db)).toContain(packagedJar().jar);
  } finally {
    await db.stop();
  }
}

async function answers(db: RunningDynamoDb): Promise<boolean> {
  const { client } = createDynamoClients({ region: 'local', endpoint: db.endpoint });
  try {
    return Array.isArray((await client.send(new ListTablesCommand({}))).TableNames);
  } finally {
    client.destroy();
  }
}

describe('the jar manifest for class data sharing', () => {
  it("keeps the packaged manifest's jars in order and drops the directory and the XML file", async () => {
    const zip = await JSZip.loadAsync(readFileSync(packagedJar().jar));
    const original = (await zip.file('META-INF/MANIFEST.MF')?.async('string')) ?? '';
    const classPath = (manifest: string) =>
      /^Class-Path: (.*)$/m
        .exec(manifest.replace(/\r?\n /g, ''))?.[1]
        ?.trim()
        .split(/\s+/) ?? [];
    const shared = sharingManifest(original);
    expect(classPath(original)).toContain('.');
    expect(classPath(shared)).toEqual(classPath(original).filter((e) => e.endsWith('.jar')));
    expect(classPath(shared).length).toBeGreaterThan(20);
    expect(shared).toMatch(
      /^Main-Class: software\.amazon\.dynamodb\.services\.local\.main\.ServerRunner\r$/m,
    );
    for (const line of shared.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(72);
  });

  it('folds long lines at 72 bytes and leaves short ones', () => {
    const long = `Class-Path: . ${Array.from({ length: 10 }, (_, i) => `lib/some-library-${i}.jar`).join(' ')}`;
    const out = sharingManifest(
      `Manifest-Version: 1.0\r\n${long.slice(0, 72)}\r\n ${long.slice(72)}\r\n\r\n`,
    );
    const lines = out.split('\r\n');
    expect(lines[0]).toBe('Manifest-Version: 1.0');
    expect(
      lines.slice(1, -1).every((l, i) => (i === 0 ? l.startsWith('Class-Path: lib/') : l.startsWith(' '))),
    ).toBe(true);
    expect(lines.slice(1, -1).join('\r\n').replace(/\r\n /g, '')).toBe(
      `${long.replace('Class-Path: . ', 'Class-Path: ')}`,
    );
  });
});

describe('DynamoDB Local with class data sharing', () => {
  it('writes the archive when the first JVM exits, and the next one maps it', async () => {
    const root = tempRoot('asn-cds-');
    const first = await startDynamoDbLocal({ quickStart: true, classSharingDir: root });
    expect(await answers(first)).toBe(true);
    expect(filesUnder(root).filter((f) => f.endsWith('/classes.jsa'))).toEqual([]);
    await first.stop();
    const archives = filesUnder(root).filter((f) => f.includes('classes.jsa'));
    expect(archives).toHaveLength(1);
    expect(archives[0]).toMatch(/\/classes\.jsa$/);
    const archive = join(root, archives[0] as string);
    const second = await startDynamoDbLocal({ quickStart: true, classSharingDir: root });
    try {
      expect(maps(second, archive)).toBe(true);
      expect(await answers(second)).toBe(true);
    } finally {
      await second.stop();
    }
  }, 120_000);

  it('keeps no archive from a JVM killed on its way out, and removes one whose writer is gone', async () => {
    const root = tempRoot('asn-cds-killed-');
    const db = await startDynamoDbLocal({ quickStart: true, classSharingDir: root });
    process.kill(db.pid as number, 'SIGKILL');
    await db.exited;
    expect(filesUnder(root).filter((f) => f.includes('classes.jsa'))).toEqual([]);
    // An archive left half-written by a writer that is gone is removed by the next start.
    const [key] = readdirSync(root);
    const orphan = join(root, key as string, 'classes.jsa.4194999.x1');
    writeFileSync(orphan, 'half an archive');
    const next = await startDynamoDbLocal({ quickStart: true, classSharingDir: root });
    try {
      expect(existsSync(orphan)).toBe(false);
      expect(await answers(next)).toBe(true);
    } finally {
      process.kill(next.pid as number, 'SIGKILL');
      await next.exited;
    }
  }, 120_000);

  it('starts from a damaged archive without it', async () => {
    const root = tempRoot('asn-cds-damaged-');
    const first = await startDynamoDbLocal({ quickStart: true, classSharingDir: root });
    await first.stop();
    const archive = join(root, filesUnder(root).find((f) => f.endsWith('/classes.jsa')) as string);
    writeFileSync(archive, 'not an archive');
    const db = await startDynamoDbLocal({ quickStart: true, classSharingDir: root });
    try {
      expect(await answers(db)).toBe(true);
      expect(maps(db, archive)).toBe(false);
    } finally {
      await db.stop();
    }
  }, 120_000);

  it('starts once more without sharing where the JVM refuses it (-Xshare:off in JDK_JAVA_OPTIONS)', async () => {
    const root = tempRoot('asn-cds-off-');
    // The user's own JVM options: no base archive loaded, so writing one at exit is refused.
    const restore = setEnvironment({ JDK_JAVA_OPTIONS: '-Xshare:off' });
    let db: RunningDynamoDb | undefined;
    try {
      db = await startDynamoDbLocal({ quickStart: true, classSharingDir: root });
    } finally {
      restore();
    }
    await expectPackagedJarAnswers(db);
  }, 120_000);

  it("starts from the package's own jar where no copy can be made", async () => {
    const blocked = join(tempRoot('asn-cds-blocked-'), 'a-file');
    writeFileSync(blocked, 'in the way of a directory');
    const db = await startDynamoDbLocal({ quickStart: true, classSharingDir: blocked });
    await expectPackagedJarAnswers(db);
  }, 120_000);
});
