import type { TestProject } from 'vitest/node';
import { javaProblem, startDynamoDbLocal } from '../src/local/dynamodb-local';
import { quietSdkNodeVersionNotice } from '../src/local/sdk-node-version-notice';

declare module 'vitest' {
  export interface ProvidedContext {
    dynamoEndpoints: string[];
  }
}

/**
 * One in-memory DynamoDB Local per test worker (or DYNAMODB_ENDPOINT for all): DynamoDB Local
 * slows down sharply under concurrent writers, so parallel files must not share one.
 */
export default async function setup(project: TestProject) {
  // The main process creates SDK clients too (waiting for DynamoDB Local); workers get vitest's `env`.
  quietSdkNodeVersionNotice();
  const given = process.env.DYNAMODB_ENDPOINT;
  if (given) {
    project.provide('dynamoEndpoints', [given]);
    return;
  }
  const problem = javaProblem();
  if (problem) throw new Error(problem);
  const workers = Math.max(1, Number(project.config.maxWorkers) || 1);
  const instances = await Promise.all(Array.from({ length: workers }, () => startDynamoDbLocal()));
  project.provide(
    'dynamoEndpoints',
    instances.map((i) => i.endpoint),
  );
  return async () => {
    await Promise.all(instances.map((i) => i.stop()));
  };
}
