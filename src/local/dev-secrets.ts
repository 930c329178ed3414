import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateLocalKeyPair, type LocalKeyPair } from './local-issuer';

/** Secrets of a local installation: the dev token issuer's keys and the cursor signing secret. */
export interface DevSecrets {
  cursorSecret: string;
  keys: LocalKeyPair;
}

const FILE = 'dev-secrets.json';

/** Reads the local secrets under `dataDir`, creating them on first use (file mode 600). */
export async function ensureDevSecrets(dataDir: string): Promise<DevSecrets> {
  const existing = readDevSecrets(dataDir);
  if (existing) return existing;
  mkdirSync(dataDir, { recursive: true });
  const secrets: DevSecrets = {
    cursorSecret: randomBytes(32).toString('base64url'),
    keys: await generateLocalKeyPair(),
  };
  writeFileSync(join(dataDir, FILE), JSON.stringify(secrets, null, 2), { mode: 0o600, flag: 'wx' });
  return secrets;
}

/** The local secrets, if they exist. */
export function readDevSecrets(dataDir: string): DevSecrets | undefined {
  const path = join(dataDir, FILE);
  if (!existsSync(path)) return undefined;
  return JSON.parse(readFileSync(path, 'utf8')) as DevSecrets;
}
