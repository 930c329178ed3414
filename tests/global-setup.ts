import type { TestProject } from 'vitest/node';
import { javaProblem, startDynamoDbLocal } from '../src/local/dynamodb-local';

declare module 'vitest' {
  export interface ProvidedContext {
    dynamoEndpoint: string;
  }
}

/** One in-memory DynamoDB Local for the whole run (or DYNAMODB_ENDPOINT); files use their own tables. */
export default async function setup(project: TestProject) {
  const given = process.env.DYNAMODB_ENDPOINT;
  if (given) {
    project.provide('dynamoEndpoint', given);
    return;
  }
  const problem = javaProblem();
  if (problem) throw new Error(problem);
  const dynamo = await startDynamoDbLocal();
  project.provide('dynamoEndpoint', dynamo.endpoint);
  return async () => {
    await dynamo.stop();
  };
}
