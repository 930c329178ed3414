import { describe, expect, it } from 'vitest';
import { parseGlobalId, refOf, toGlobalId } from '../../../resolvers/global-id';

describe('global ids', () => {
  it('round-trips type, agency and id', () => {
    expect(parseGlobalId(toGlobalId('Employee', 'medan', '01JABC'))).toEqual({
      type: 'Employee',
      ref: { agencyId: 'medan', id: '01JABC' },
    });
  });

  it.each(['', 'not base64!', Buffer.from('Employee:medan').toString('base64url'), 'x'.repeat(300)])(
    'does not parse %j',
    (value) => {
      expect(parseGlobalId(value)).toBeUndefined();
    },
  );

  it('refuses an id of another type with BAD_USER_INPUT on the field', () => {
    expect(() => refOf(toGlobalId('Unit', 'medan', 'u1'), 'Employee', 'input.id')).toThrowError(
      expect.objectContaining({
        extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'input.id' }),
      }),
    );
  });
});
