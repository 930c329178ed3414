import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDeps } from '../../../src/composition/create-deps';
import { deployedRequestAuth, deployedSecrets } from '../../../src/composition/request-auth';
import { loadConfig } from '../../../src/config/load-config';
import { UnauthenticatedError } from '../../../src/errors/app-error';
import { createCognitoStandIn } from '../../../src/local/cognito-stand-in';
import { signLocalToken } from '../../../src/local/local-issuer';
import { localRequestAuth } from '../../../src/local/local-request-auth';

const SECRET = 'composition-test-secret-0123456789abcdef';
const ADMIN = { sub: 'admin-medan', 'cognito:groups': ['ADMIN'], agency_id: 'medan' };

/** A configuration as a deployed function gets it, for the stand-in pool. */
async function deployedConfig(env: Record<string, string> = {}) {
  const cognito = await createCognitoStandIn();
  return { cognito, config: loadConfig({ ...cognito.env, CURSOR_SECRET: SECRET, ...env }) };
}

describe('createDeps for a system job (no request secrets)', () => {
  const deps = createDeps(loadConfig({ LOG_LEVEL: 'SILENT' }), { entryPoint: 'complaint-sweeper' });

  it('builds the repositories and services a job uses, with a real clock and real ids', () => {
    expect(deps.repositories.feedback).toBeDefined();
    expect(deps.services.feedback).toBeDefined();
    const [first, second] = [deps.newId(), deps.newId()];
    expect(first).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
    expect(second > first).toBe(true);
  });

  it('refuses to sign or read a cursor, naming the process, instead of using a made-up secret', () => {
    expect(() => deps.repositories.cursors.encode({ pk: 'a' }, 'scope')).toThrow(
      'complaint-sweeper holds no deployment secrets: it cannot sign cursors',
    );
    expect(() => deps.repositories.cursors.decode('x.y', 'scope', 'after')).toThrow('cannot read cursors');
  });

  it('verifies no token at all', async () => {
    await expect(deps.verifier.verify('any.token.here')).rejects.toThrow('cannot verify tokens');
  });

  it('neither seals nor opens webhook secrets', () => {
    expect(() => deps.secretBox.seal('whsec_x', 'endpoint-1')).toThrow('cannot seal webhook secrets');
  });
});

describe('createDeps for the webhook dispatcher (the deployment secrets, no tokens)', () => {
  it('needs WEBHOOK_SECRET_KEY: a key derived from the cursor secret would differ from the API one', async () => {
    const config = loadConfig({ CURSOR_SECRET: SECRET });
    await expect(deployedSecrets(config, { webhookKey: 'required' })).rejects.toThrow('WEBHOOK_SECRET_KEY');
  });

  it('opens what the API sealed with the same key, and still verifies no token', async () => {
    const env = {
      CURSOR_SECRET: SECRET,
      WEBHOOK_SECRET_KEY: 'webhook-sealing-key-0123456789abcdef',
      LOG_LEVEL: 'SILENT',
    };
    const { config } = await deployedConfig(env);
    const api = createDeps(config, { entryPoint: 'api', secrets: await deployedRequestAuth(config) });
    const dispatcher = createDeps(config, {
      entryPoint: 'webhook-dispatcher',
      secrets: await deployedSecrets(config, { webhookKey: 'required' }),
    });
    expect(dispatcher.secretBox.open(api.secretBox.seal('whsec_abc', 'endpoint-1'), 'endpoint-1')).toBe(
      'whsec_abc',
    );
    await expect(dispatcher.verifier.verify('any.token.here')).rejects.toThrow(
      'webhook-dispatcher holds no deployment secrets: it cannot verify tokens',
    );
  });
});

describe('createDeps without upload targets (no IMPORT_BUCKET, none passed in)', () => {
  it('refuses createImport before writing anything, naming the process, instead of a URL to no server', async () => {
    const deps = createDeps(loadConfig({ LOG_LEVEL: 'SILENT', DYNAMODB_ENDPOINT: 'http://127.0.0.1:9' }), {
      entryPoint: 'script',
      secrets: { cursorSecret: SECRET },
    });
    const scope = {
      caller: { kind: 'staff', role: 'ADMIN', agencyId: 'medan', subject: 'admin-medan' },
      requestId: 'r',
    } as unknown as Parameters<typeof deps.services.imports.createImport>[0];
    const command = { kind: 'employees', fileName: 'pegawai.csv', mode: 'upsert', dryRun: false } as const;
    await expect(deps.services.imports.createImport(scope, command as never)).rejects.toThrow(
      'script has no upload targets: set IMPORT_BUCKET, or pass local ones',
    );
  });
});

describe('createDeps for an entry point that serves requests', () => {
  it('signs cursors with the given secret, so another process with the same secret reads them', async () => {
    const { config } = await deployedConfig();
    const requestAuth = await deployedRequestAuth(config);
    const one = createDeps(config, { entryPoint: 'api', secrets: requestAuth });
    const other = createDeps(config, { entryPoint: 'api', secrets: { ...requestAuth } });
    const cursor = one.repositories.cursors.encode({ pk: 'AGENCY#medan', sk: 'x' }, 'employees');
    expect(other.repositories.cursors.decode(cursor, 'employees', 'after')).toEqual({
      pk: 'AGENCY#medan',
      sk: 'x',
    });
  });
});

describe('deployedRequestAuth (the Lambda entry points)', () => {
  it('verifies a Cognito access token of the pool against the given JWKS, offline', async () => {
    const { cognito, config } = await deployedConfig();
    const { verifier } = await deployedRequestAuth(config);
    await expect(verifier.verify(await cognito.sign(ADMIN))).resolves.toMatchObject({
      kind: 'staff',
      role: 'ADMIN',
      agencyId: 'medan',
    });
  });

  it('refuses a token signed by another pool key, and an expired one, as UNAUTHENTICATED', async () => {
    const { cognito, config } = await deployedConfig();
    const { verifier } = await deployedRequestAuth(config);
    const impostor = await createCognitoStandIn();
    // Same pool id and client, another key: the kid is unknown, and fetching the real JWKS fails offline.
    await expect(verifier.verify(await impostor.sign(ADMIN))).rejects.toBeInstanceOf(UnauthenticatedError);
    const expired = await cognito.sign(ADMIN, { now: new Date(Date.now() - 7_200_000) });
    await expect(verifier.verify(expired)).rejects.toBeInstanceOf(UnauthenticatedError);
  });

  it('refuses the local dev issuer: a deployed function verifies Cognito tokens only', async () => {
    await expect(deployedRequestAuth(loadConfig({ CURSOR_SECRET: SECRET }))).rejects.toThrow(
      'deployed functions verify Cognito tokens only',
    );
  });

  it('refuses to start without a cursor secret of 32 characters or more', async () => {
    const cognito = await createCognitoStandIn();
    await expect(deployedRequestAuth(loadConfig(cognito.env))).rejects.toThrow(
      'CURSOR_SECRET or CURSOR_SECRET_ARN',
    );
  });

  it('fails at start on a malformed COGNITO_JWKS', async () => {
    const { config } = await deployedConfig({ COGNITO_JWKS: '{"keys":[{"kty":"nope"}]}' });
    await expect(deployedRequestAuth(config)).rejects.toThrow(/kty/i);
  });
});

describe('localRequestAuth (npm start, scripts)', () => {
  it('creates the dev issuer and cursor secret under DATA_DIR once, and verifies its tokens', async () => {
    const config = loadConfig({ DATA_DIR: mkdtempSync(join(tmpdir(), 'asn-local-auth-')) });
    const first = await localRequestAuth(config);
    const second = await localRequestAuth(config);
    expect(second.cursorSecret).toBe(first.cursorSecret);
    const keys = second.devSecrets?.keys;
    if (!keys) throw new Error('local auth made no dev keys');
    await expect(first.verifier.verify(await signLocalToken(keys, ADMIN))).resolves.toMatchObject({
      role: 'ADMIN',
    });
  });

  it('uses Cognito, like a deployment, when AUTH_MODE=cognito', async () => {
    const { cognito, config } = await deployedConfig();
    const auth = await localRequestAuth(config);
    expect(auth.devSecrets).toBeUndefined();
    await expect(auth.verifier.verify(await cognito.sign(ADMIN))).resolves.toMatchObject({ role: 'ADMIN' });
  });
});
