import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config';

describe('loadConfig: browser origins and partner clients', () => {
  it('lets any origin read responses in dev and none in prod unless CORS_ORIGINS says otherwise', () => {
    expect(loadConfig({}).corsOrigins).toEqual(['*']);
    expect(loadConfig({ STAGE: 'prod' }).corsOrigins).toEqual([]);
    expect(
      loadConfig({ STAGE: 'prod', CORS_ORIGINS: 'https://a.go.id, https://b.go.id' }).corsOrigins,
    ).toEqual(['https://a.go.id', 'https://b.go.id']);
  });

  it('reads PARTNER_CLIENTS into the partner mapping, and fails fast on a bad one', () => {
    expect(loadConfig({ PARTNER_CLIENTS: '{"client-usu":"usu"}' }).partnerClients).toEqual(
      new Map([['client-usu', 'usu']]),
    );
    expect(loadConfig({}).partnerClients.size).toBe(0);
    expect(() => loadConfig({ PARTNER_CLIENTS: '{"client-usu":"USU!"}' })).toThrow('bad partner code');
  });

  it('keeps COGNITO_JWKS for the Cognito verifier to check at start', () => {
    const auth = loadConfig({
      AUTH_MODE: 'cognito',
      COGNITO_USER_POOL_ID: 'ap-southeast-3_Example',
      COGNITO_CLIENT_IDS: 'a, b',
      COGNITO_JWKS: '{"keys":[]}',
    }).auth;
    expect(auth).toEqual({
      mode: 'cognito',
      userPoolId: 'ap-southeast-3_Example',
      clientIds: ['a', 'b'],
      jwksJson: '{"keys":[]}',
    });
  });
});
