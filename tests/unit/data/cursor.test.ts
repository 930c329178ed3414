import { describe, expect, it } from 'vitest';
import { createCursorCodec } from '../../../src/data/cursor';

const codec = createCursorCodec('unit-test-secret-0123456789abcdef');
const position = { pk: 'medan#Employee#1', sk: 'Employee', gsi1pk: 'medan#Employee', gsi1sk: 'budi#1' };

describe('pagination cursors', () => {
  it('round-trips a position for the same list', () => {
    const cursor = codec.encode(position, 'list-a');
    expect(codec.decode(cursor, 'list-a', 'after')).toEqual(position);
  });

  it.each([
    ['issued for another list', (c: string) => c, 'list-b'],
    [
      'with a changed payload',
      (c: string) => `${Buffer.from('{"pk":"binjai#Employee#1"}').toString('base64url')}.${c.split('.')[1]}`,
      'list-a',
    ],
    ['with a changed signature', (c: string) => `${c.split('.')[0]}.AAAAAAAAAAAAAAAAAAAAAA`, 'list-a'],
    ['that is not a cursor at all', () => 'hello', 'list-a'],
    ['with extra parts', (c: string) => `${c}.x`, 'list-a'],
  ])('refuses a cursor %s with BAD_USER_INPUT on the argument', (_, alter, scope) => {
    const cursor = alter(codec.encode(position, 'list-a'));
    expect(() => codec.decode(cursor, scope, 'after')).toThrowError(
      expect.objectContaining({
        extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'after' }),
      }),
    );
  });

  it('refuses a cursor signed with another secret', () => {
    const other = createCursorCodec('another-secret-0123456789abcdefgh');
    expect(() => codec.decode(other.encode(position, 'list-a'), 'list-a', 'after')).toThrow(/cursor/);
  });
});
