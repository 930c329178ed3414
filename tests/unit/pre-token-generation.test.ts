import { describe, expect, it } from 'vitest';
import { parsePartnerClients } from '../../src/config/partner-clients';
import {
  createPreTokenGenerationHandler,
  handler,
  type PreTokenGenerationEvent,
} from '../../src/handlers/pre-token-generation';

const STAFF_CLIENT = '4staffclient0000000000000a';
const USU_CLIENT = '7usuclient00000000000000b';

/** A user event as Cognito sends it with trigger version V3_0 (the V2_0 shape, version "3"). */
function userEvent(
  triggerSource: PreTokenGenerationEvent['triggerSource'],
  userAttributes: Record<string, string>,
): PreTokenGenerationEvent {
  return {
    version: '3',
    triggerSource,
    region: 'ap-southeast-3',
    userPoolId: 'ap-southeast-3_Example',
    userName: 'b1c2d3e4-0000-4000-8000-000000000001',
    callerContext: { awsSdkVersion: 'aws-sdk-unknown-unknown', clientId: STAFF_CLIENT },
    request: {
      userAttributes: {
        sub: 'b1c2d3e4-0000-4000-8000-000000000001',
        email: 'siti@medan.go.id',
        ...userAttributes,
      },
      groupConfiguration: { groupsToOverride: ['UNIT_HEAD'], iamRolesToOverride: [] },
      scopes: ['openid', 'email', 'profile'],
    },
    response: { claimsAndScopeOverrideDetails: {} },
  } as PreTokenGenerationEvent;
}

/** A client-credentials (machine-to-machine) event. */
function clientCredentialsEvent(clientId: string): PreTokenGenerationEvent {
  return {
    version: '3',
    triggerSource: 'TokenGeneration_ClientCredentials',
    region: 'ap-southeast-3',
    userPoolId: 'ap-southeast-3_Example',
    userName: clientId,
    callerContext: { awsSdkVersion: 'aws-sdk-unknown-unknown', clientId },
    request: { userAttributes: {}, groupConfiguration: {}, scopes: ['pembinaan-asn/enrollments.read'] },
    response: { claimsAndScopeOverrideDetails: {} },
  };
}

const quiet = { error: () => undefined };
const trigger = createPreTokenGenerationHandler(new Map([[USU_CLIENT, 'usu']]), quiet);
const TENANCY = {
  'custom:agency_id': 'medan',
  'custom:unit_id': 'unit-belawan',
  'custom:employee_id': 'emp-42',
};

describe('the pre-token-generation trigger, for staff', () => {
  it.each([
    'TokenGeneration_HostedAuth',
    'TokenGeneration_Authentication',
    'TokenGeneration_NewPasswordChallenge',
    'TokenGeneration_AuthenticateDevice',
    'TokenGeneration_RefreshTokens',
  ] as const)('copies agency, unit and employee into the access token on %s', async (source) => {
    const result = await trigger(userEvent(source, { ...TENANCY, 'custom:nip': '198503302010011002' }));
    expect(result.response.claimsAndScopeOverrideDetails).toEqual({
      accessTokenGeneration: {
        claimsToAddOrOverride: { agency_id: 'medan', unit_id: 'unit-belawan', employee_id: 'emp-42' },
      },
    });
  });

  it('leaves out the claims whose attribute the user does not have (an agency admin has no unit)', async () => {
    const result = await trigger(
      userEvent('TokenGeneration_Authentication', { 'custom:agency_id': 'binjai' }),
    );
    expect(
      result.response.claimsAndScopeOverrideDetails.accessTokenGeneration?.claimsToAddOrOverride,
    ).toEqual({
      agency_id: 'binjai',
    });
  });

  it('never adds partner_id to a user token, even from a client that is a partner', async () => {
    const event = userEvent('TokenGeneration_Authentication', TENANCY);
    event.callerContext.clientId = USU_CLIENT;
    const result = await trigger(event);
    expect(
      result.response.claimsAndScopeOverrideDetails.accessTokenGeneration?.claimsToAddOrOverride,
    ).not.toHaveProperty('partner_id');
  });
});

describe('the pre-token-generation trigger, for partners', () => {
  it('adds the partner code of the app client as partner_id', async () => {
    const result = await trigger(clientCredentialsEvent(USU_CLIENT));
    expect(result.response.claimsAndScopeOverrideDetails).toEqual({
      accessTokenGeneration: { claimsToAddOrOverride: { partner_id: 'usu' } },
    });
  });

  it('refuses a token to a machine client that is no partner', async () => {
    await expect(trigger(clientCredentialsEvent(STAFF_CLIENT))).rejects.toThrow(
      'not registered as a partner',
    );
  });

  it('refuses every machine client when the Lambda has no partner mapping', async () => {
    const unconfigured = createPreTokenGenerationHandler(parsePartnerClients(undefined), quiet);
    await expect(unconfigured(clientCredentialsEvent(USU_CLIENT))).rejects.toThrow(
      'not registered as a partner',
    );
  });

  it('is exported as the Lambda handler, reading the mapping from the environment', () => {
    expect(typeof handler).toBe('function');
  });
});

describe('the partner mapping from PARTNER_CLIENTS', () => {
  it('reads app client ids to partner codes', () => {
    expect(parsePartnerClients(`{"${USU_CLIENT}":"usu","abc":"unsri"}`)).toEqual(
      new Map([
        [USU_CLIENT, 'usu'],
        ['abc', 'unsri'],
      ]),
    );
  });

  it('is empty when unset', () => {
    expect(parsePartnerClients(undefined).size).toBe(0);
  });

  it.each([
    ['not JSON', '{usu}', 'not JSON'],
    ['an array', '["usu"]', 'must map'],
    ['a bad partner code', '{"abc":"USU SUMUT"}', 'bad partner code'],
    ['a non-string code', '{"abc":7}', 'bad partner code'],
  ])('fails fast on %s', (_case, json, message) => {
    expect(() => parsePartnerClients(json)).toThrow(message);
  });
});
