import type { Enrollment, TrainingProgram } from '../../domain/training';
import { BadUserInputError, ConflictError } from '../../errors/app-error';
import { RaceLostError } from '../race-lost';
import { versionConflict, versionedUpdate } from '../versioned-update';
import { allOf, MUST_EXIST, putNew, type Refusal, type Write, type WriteCondition } from '../write';
import { employeeEntity } from './employee';
import { enrollmentEntity, placeGuard, programCountChange, programCountsOf } from './enrollment';
import { trainingProgramEntity } from './training-program';
import { claimUniqueValue, releaseUniqueValue } from './unique-value';

/** The program had no free seat (or someone waits for one): the enrollment goes to the waitlist. */
export class ProgramFullError extends ConflictError {
  constructor(cause?: unknown) {
    super('The program filled up while enrolling; try again', { field: 'input.programId' }, cause);
  }
}

const OPEN: WriteCondition = {
  expression: '#status = :open',
  names: { '#status': 'status' },
  values: { ':open': 'OPEN' },
};

/** A free seat nobody waits for: the condition of taking a seat directly. */
const SEAT_FREE: WriteCondition = {
  expression: '#status = :open AND #seats < #capacity AND #waiting = :zero',
  names: {
    '#status': 'status',
    '#seats': 'seatsTaken',
    '#capacity': 'capacity',
    '#waiting': 'waitlistCount',
  },
  values: { ':open': 'OPEN', ':zero': 0 },
};

const changed =
  (what: string): Refusal =>
  (_, cause) =>
    new RaceLostError(`${what} changed`, { cause });

/** The program's counters moved by enrollment transitions, in the same transaction (a check when none moves). */
function programWrite(
  e: Enrollment,
  changes: { before?: Enrollment | undefined; after: Enrollment }[],
  condition?: WriteCondition,
  refused?: Refusal,
): Write {
  const key = trainingProgramEntity.key(e.agencyId, e.programId);
  const add = programCountChange(changes);
  const guarded = allOf(MUST_EXIST, condition) as WriteCondition;
  if (Object.keys(add).length === 0) return { check: key, condition: guarded, refused };
  return { update: key, add, condition: guarded, refused };
}

/** The writes of one new enrollment besides its program's counters: its place guard, its id on the employee, the record. */
function placeWrites(enrollment: Enrollment): [Write, Write, Write] {
  return [
    claimUniqueValue(
      enrollment.agencyId,
      placeGuard.kind,
      placeGuard.value(enrollment),
      enrollment.id,
      (_, cause) =>
        new ConflictError(
          'The employee is already enrolled in (or waiting for) this program',
          { field: 'input.employeeId' },
          cause,
        ),
    ),
    {
      update: employeeEntity.key(enrollment.agencyId, enrollment.employeeId),
      append: { enrollmentIds: [enrollment.id] },
      condition: MUST_EXIST,
      refused: (_, cause) =>
        BadUserInputError.of('input.employeeId', 'no such employee in this agency', cause),
    },
    putNew(enrollmentEntity.toItem(enrollment)),
  ];
}

/**
 * The writes of enrollments, each one transaction with the program's seat counters, the place
 * guard and the employee's id list, so `seatsTaken` and `waitlistCount` equal the enrollments in
 * those states at every commit. Operations are listed in the order their refusals take precedence.
 */
export const enrollmentWrites = {
  /**
   * A new enrollment: a seat (ENROLLED, only while seats are free and nobody waits), a waitlist
   * place (WAITLISTED, while the program is open), or an invitation; its place guard; its id on
   * the employee. A full program is a ProgramFullError (the service waitlists instead).
   */
  insert(enrollment: Enrollment): Write[] {
    const seat = enrollment.status === 'ENROLLED';
    const [guard, listed, record] = placeWrites(enrollment);
    return [
      guard,
      listed,
      programWrite(enrollment, [{ after: enrollment }], seat ? SEAT_FREE : OPEN, (stored, cause) =>
        stored?.status === 'OPEN'
          ? new ProgramFullError(cause)
          : BadUserInputError.of('input.programId', 'the program is no longer open for enrollment', cause),
      ),
      record,
    ];
  },

  /**
   * Several new enrollments of one program at once (an import; at most 20, of distinct
   * employees), each written as `insert` writes it, with the program's counters moved once by
   * their sum, on condition that the program is not cancelled, its capacity is still the one read
   * and the seats they take are free (conditions take no arithmetic: the limit is computed here).
   */
  insertMany(
    program: Pick<TrainingProgram, 'agencyId' | 'id' | 'capacity'>,
    enrollments: Enrollment[],
  ): Write[] {
    const [first] = enrollments;
    if (!first) return [];
    const seats = enrollments.filter((e) => programCountsOf(e).seatsTaken > 0).length;
    const free: WriteCondition = {
      expression: '#status <> :cancelled AND #capacity = :capacity AND #seats <= :limit',
      names: { '#status': 'status', '#seats': 'seatsTaken', '#capacity': 'capacity' },
      values: {
        ':cancelled': 'CANCELLED',
        ':capacity': program.capacity,
        ':limit': program.capacity - seats,
      },
    };
    const taken: Refusal = (_, cause) => new ProgramFullError(cause);
    return [
      programWrite(
        first,
        enrollments.map((after) => ({ after })),
        free,
        taken,
      ),
      ...enrollments.flatMap(placeWrites),
    ];
  },

  /**
   * Any other change of an enrollment under its version (an import's correction or completion):
   * the program's counters and the place guard follow the statuses, as `programCountsOf` and
   * `placeGuard.holds` say.
   */
  change(before: Enrollment, after: Enrollment): Write[] {
    const writes: Write[] = [versionedUpdate(enrollmentEntity, before, after)];
    if (Object.keys(programCountChange([{ before, after }])).length > 0)
      writes.push(programWrite(before, [{ before, after }]));
    if (placeGuard.holds(before) && !placeGuard.holds(after))
      writes.push(releaseUniqueValue(before.agencyId, placeGuard.kind, placeGuard.value(before)));
    return writes;
  },

  /**
   * Drops a seat holder. With a waitlisted `candidate`, the seat passes to it in the same
   * transaction; without one, the seat is freed only if nobody waits. Any lost race (the
   * enrollment or the candidate changed, someone joined the waitlist) asks for a fresh read.
   */
  dropSeat(
    before: Enrollment,
    after: Enrollment,
    candidate?: { before: Enrollment; after: Enrollment },
  ): Write[] {
    const writes: Write[] = [
      versionedUpdate(enrollmentEntity, before, after, { refused: changed('The enrollment') }),
      releaseUniqueValue(before.agencyId, placeGuard.kind, placeGuard.value(before)),
    ];
    if (candidate) {
      writes.push(
        versionedUpdate(enrollmentEntity, candidate.before, candidate.after, {
          refused: changed('The candidate'),
        }),
        programWrite(before, [{ before, after }, candidate]),
      );
    } else {
      const nobodyWaits = {
        expression: '#waiting = :zero',
        names: { '#waiting': 'waitlistCount' },
        values: { ':zero': 0 },
      };
      writes.push(programWrite(before, [{ before, after }], nobodyWaits, changed('The waitlist')));
    }
    return writes;
  },

  /** Drops a waitlisted enrollment: its place is released. */
  dropWaitlisted(before: Enrollment, after: Enrollment): Write[] {
    return [
      versionedUpdate(enrollmentEntity, before, after, { refused: changed('The enrollment') }),
      releaseUniqueValue(before.agencyId, placeGuard.kind, placeGuard.value(before)),
      programWrite(before, [{ before, after }]),
    ];
  },

  /**
   * Gives a free seat to a waitlisted enrollment (after a capacity increase or a freed seat): a
   * changed candidate is a lost race, no free seat a ProgramFullError.
   */
  promote(before: Enrollment, after: Enrollment): Write[] {
    const seatFree = {
      expression: '#seats < #capacity',
      names: { '#seats': 'seatsTaken', '#capacity': 'capacity' },
    };
    return [
      versionedUpdate(enrollmentEntity, before, after, { refused: changed('The candidate') }),
      programWrite(before, [{ before, after }], seatFree, (_, cause) => new ProgramFullError(cause)),
    ];
  },

  /**
   * Invitations of one program (at most 30, distinct employees), all or none: each with its
   * place guard and its id on the employee, on condition that the program is open; no counter
   * moves. A place already held is a CONFLICT naming `input.employeeIds.<index>`.
   */
  invite(invitations: Enrollment[]): Write[] {
    const [first] = invitations;
    if (!first) return [];
    const notOpen: Refusal = (_, cause) =>
      BadUserInputError.of('input.programId', 'the program is no longer open', cause);
    return [
      programWrite(first, [], OPEN, notOpen),
      ...invitations.flatMap((invitation, index) => {
        const field = `input.employeeIds.${index}`;
        const [guard, listed, record] = placeWrites(invitation);
        return [
          {
            ...guard,
            refused: (_: unknown, cause: unknown) =>
              new ConflictError(
                'The employee is already invited to, enrolled in or waiting for this program',
                { field },
                cause,
              ),
          },
          {
            ...listed,
            refused: (_: unknown, cause: unknown) =>
              BadUserInputError.of(field, 'no such employee in this agency', cause),
          },
          record,
        ] as Write[];
      }),
    ];
  },

  /**
   * An accepted invitation: a seat (ENROLLED) only while seats are free and nobody waits, else
   * ProgramFullError; a waitlist place (WAITLISTED) while the program is open. A changed
   * invitation is a lost race.
   */
  accept(before: Enrollment, after: Enrollment): Write[] {
    const seat = after.status === 'ENROLLED';
    return [
      versionedUpdate(enrollmentEntity, before, after, { refused: changed('The invitation') }),
      programWrite(before, [{ before, after }], seat ? SEAT_FREE : OPEN, (stored, cause) =>
        stored?.status === 'OPEN'
          ? new ProgramFullError(cause)
          : BadUserInputError.of('input.enrollmentId', 'the program is no longer open for enrollment', cause),
      ),
    ];
  },

  /** A declined invitation: the place is given up (the employee may be invited again). */
  decline(before: Enrollment, after: Enrollment): Write[] {
    return [
      versionedUpdate(enrollmentEntity, before, after, { refused: changed('The invitation') }),
      releaseUniqueValue(before.agencyId, placeGuard.kind, placeGuard.value(before)),
    ];
  },

  /** The end of a seat holder's participation: COMPLETED (counted) or NO_SHOW. */
  finish(before: Enrollment, after: Enrollment): Write[] {
    const writes: Write[] = [
      versionedUpdate(enrollmentEntity, before, after, {
        refused: (stored, cause) => versionConflict(enrollmentEntity.type, before.version, stored, cause),
      }),
    ];
    if (Object.keys(programCountChange([{ before, after }])).length > 0)
      writes.push(programWrite(before, [{ before, after }]));
    return writes;
  },
};
