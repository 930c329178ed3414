import { inject } from 'vitest';

/** The DynamoDB Local of this test worker (vitest numbers its workers from 1 in VITEST_POOL_ID). */
export function dynamoEndpoint(): string {
  const endpoints = inject('dynamoEndpoints');
  const worker = Number(process.env.VITEST_POOL_ID ?? '1');
  return endpoints[(worker - 1) % endpoints.length] as string;
}
