import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS, loadConfig } from '../../src/config/load-config';

describe('request limits and trusted documents in the configuration', () => {
  it('takes each limit from its environment variable, with the documented defaults', () => {
    expect(loadConfig({}).limits).toEqual(DEFAULT_LIMITS);
    const limits = loadConfig({
      QUERY_MAX_TOKENS: '500',
      QUERY_MAX_DEPTH: '8',
      QUERY_MAX_ALIASES: '5',
      QUERY_MAX_COST: '2000',
      RESPONSE_MAX_ITEMS_READ: '400',
      RESPONSE_MAX_DB_CALLS: '20',
      RESPONSE_MAX_BYTES: '50000',
    }).limits;
    expect(limits).toEqual({
      maxTokens: 500,
      maxDepth: 8,
      maxAliases: 5,
      maxCost: 2000,
      maxItemsRead: 400,
      maxDbCalls: 20,
      maxResponseBytes: 50_000,
    });
  });

  it('refuses limits that are not whole numbers or are absurdly small', () => {
    expect(() => loadConfig({ QUERY_MAX_COST: 'lots' })).toThrow(/QUERY_MAX_COST/);
    expect(() => loadConfig({ RESPONSE_MAX_ITEMS_READ: '0' })).toThrow(/RESPONSE_MAX_ITEMS_READ/);
  });

  it('reads strict clients as client=manifest pairs and refuses a malformed one', () => {
    expect(loadConfig({ TRUSTED_DOCUMENTS: ' usu=a.json , client:dash-1=b.json ' }).trustedDocuments).toEqual(
      [
        { client: 'usu', manifest: 'a.json' },
        { client: 'client:dash-1', manifest: 'b.json' },
      ],
    );
    expect(loadConfig({}).trustedDocuments).toEqual([]);
    expect(() => loadConfig({ TRUSTED_DOCUMENTS: 'usu' })).toThrow(/client=manifest/);
  });

  it('never shows the schema in production: PLAYGROUND=on is refused with STAGE=prod', () => {
    expect(loadConfig({ STAGE: 'prod' }).playground).toBe(false);
    expect(() => loadConfig({ STAGE: 'prod', PLAYGROUND: 'on' })).toThrow(/not allowed with STAGE=prod/);
  });
});
