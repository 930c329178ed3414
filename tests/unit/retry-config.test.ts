import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config';

describe('DynamoDB timeouts and retry budgets in the configuration', () => {
  it('defaults to 1.5 s per call, 1 s to connect, 3 s of retries per request and 60 s per job step', () => {
    const config = loadConfig({});
    expect(config.dynamoTimeouts).toEqual({ requestMs: 1500, connectMs: 1000 });
    expect(config.retryBudgets).toEqual({ requestMs: 3000, jobMs: 60_000 });
  });

  it('takes each from its environment variable; a zero budget means no retries', () => {
    const config = loadConfig({
      DYNAMODB_REQUEST_TIMEOUT_MS: '800',
      DYNAMODB_CONNECT_TIMEOUT_MS: '300',
      REQUEST_RETRY_BUDGET_MS: '0',
      JOB_RETRY_BUDGET_MS: '120000',
    });
    expect(config.dynamoTimeouts).toEqual({ requestMs: 800, connectMs: 300 });
    expect(config.retryBudgets).toEqual({ requestMs: 0, jobMs: 120_000 });
  });

  it.each([
    ['DYNAMODB_REQUEST_TIMEOUT_MS', 'fast'],
    ['DYNAMODB_REQUEST_TIMEOUT_MS', '0'],
    ['DYNAMODB_CONNECT_TIMEOUT_MS', '-5'],
    ['REQUEST_RETRY_BUDGET_MS', '1.5'],
    ['REQUEST_RETRY_BUDGET_MS', '600000'],
  ])('refuses %s=%s at start', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(new RegExp(name));
  });
});
