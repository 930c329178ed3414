import { Logger } from '@aws-lambda-powertools/logger';
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { BadUserInputError, ConflictError } from '../../../src/errors/app-error';
import { createErrorFormatter } from '../../../src/server/format-error';

const logged: unknown[] = [];
const logger = new Logger({ logLevel: 'SILENT' });
logger.error = (...args: unknown[]) => {
  logged.push(args);
};
const format = createErrorFormatter(logger);

describe('error formatting', () => {
  it('passes our typed errors with their code and details', () => {
    const error = new GraphQLError('wrapped', { originalError: BadUserInputError.of('input.nip', 'bad') });
    expect(format({ message: 'wrapped', path: ['createEmployee'] }, error)).toMatchObject({
      message: 'input.nip: bad',
      extensions: { code: 'BAD_USER_INPUT', field: 'input.nip', reason: 'bad' },
    });
    expect(format({ message: 'x' }, new ConflictError('taken')).extensions?.code).toBe('CONFLICT');
  });

  it('masks an unexpected error (e.g. an AWS SDK failure): no message, no stack, logged in full', () => {
    const aws = Object.assign(
      new Error('ResourceNotFoundException: Requested resource not found: Table: secret-table'),
      {
        name: 'ResourceNotFoundException',
      },
    );
    const wrapped = new GraphQLError(aws.message, { originalError: aws, path: ['employees'] });
    const before = logged.length;
    const out = format(
      {
        message: aws.message,
        path: ['employees'],
        extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['at x'] },
      },
      wrapped,
    );
    expect(out).toEqual({
      message: 'Internal server error',
      path: ['employees'],
      locations: undefined,
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
    expect(JSON.stringify(out)).not.toMatch(/Resource|secret-table|stack/);
    expect(logged.length).toBe(before + 1);
  });

  it('adds the field path to variable coercion errors', () => {
    const message =
      'Variable "$input" got invalid value "V_Z" at "input.golongan"; Value "V_Z" does not exist in "Golongan" enum.';
    expect(
      format({ message, extensions: { code: 'BAD_USER_INPUT' } }, new GraphQLError(message)).extensions,
    ).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.golongan',
    });
  });
});
