import { CERTIFICATE_SERIAL, nextCertificateSerial } from '../data/entities/certificate-counter';
import { enrollmentEntity } from '../data/entities/enrollment';
import { enrollmentWrites } from '../data/entities/enrollment-writes';
import { partnerWrites } from '../data/entities/partner';
import { programWrites, trainingProgramEntity } from '../data/entities/training-program';
import { feedChanges, feedCounterKey, feedWrites } from '../data/partner-feed';
import type { Write } from '../data/write';
import type { WriteFold } from '../data/write-fold';
import {
  acceptedEnrollment,
  completedEnrollment,
  declinedEnrollment,
  droppedEnrollment,
  noShowEnrollment,
} from '../domain/enrollment-transitions';
import type { DeclineReason } from '../domain/invitation';
import type { Enrollment, Partner, TrainingProgram } from '../domain/training';
import { UnreachableCaseError } from '../domain/unreachable-case';

/** How an enrollment ended, if it did. */
export type EnrollmentEnd =
  | { kind: 'COMPLETED'; on: string; preTestScore: number; postTestScore: number }
  | { kind: 'NO_SHOW'; on: string }
  | { kind: 'DROPPED'; at: string; reason: string }
  | { kind: 'DECLINED'; at: string; reason: DeclineReason; note?: string | undefined };

/** An enrollment as it was made (perhaps an invitation, accepted at `accepted`), and its end. */
export interface EnrollmentStory {
  created: Enrollment;
  accepted?: string | undefined;
  end?: EnrollmentEnd | undefined;
}

const endTime = (end: EnrollmentEnd) =>
  end.kind === 'DROPPED' || end.kind === 'DECLINED' ? end.at : `${end.on}T00:00:00.000Z`;

/** Applies enrollment writes with their partner-feed entries, numbered after the feed's last as folded so far. */
function applyWithFeed(
  fold: WriteFold,
  writes: Write[],
  changes: { before?: Enrollment | undefined; after: Enrollment }[],
) {
  const last = (partnerId: string) => {
    const counter = fold.get(feedCounterKey(partnerId));
    return counter ? Number(counter.sequence) : undefined;
  };
  fold.apply([...writes, ...feedWrites(feedChanges(changes), last)]);
}

/** The enrollment after its end, as the service records it, and the writes of that end. */
function ended(
  fold: WriteFold,
  before: Enrollment,
  end: EnrollmentEnd,
  programs: ReadonlyMap<string, TrainingProgram>,
): { after: Enrollment; writes: Write[] } {
  const at = endTime(end);
  switch (end.kind) {
    case 'COMPLETED': {
      const counter = nextCertificateSerial(before.agencyId, end.on.slice(0, 4));
      const serial = fold.increment(counter, CERTIFICATE_SERIAL);
      const program = programs.get(before.programId) as TrainingProgram;
      const after = completedEnrollment(before, program, { completedOn: end.on, serial, ...end }, at);
      return { after, writes: enrollmentWrites.finish(before, after) };
    }
    case 'NO_SHOW': {
      const after = noShowEnrollment(before, end.on, at);
      return { after, writes: enrollmentWrites.finish(before, after) };
    }
    case 'DROPPED': {
      const after = droppedEnrollment(before, at, end.reason);
      const writes =
        before.status === 'WAITLISTED'
          ? enrollmentWrites.dropWaitlisted(before, after)
          : enrollmentWrites.dropSeat(before, after);
      return { after, writes };
    }
    case 'DECLINED': {
      const after = declinedEnrollment(before, end.reason, end.note, at);
      return { after, writes: enrollmentWrites.decline(before, after) };
    }
    default:
      throw new UnreachableCaseError(end);
  }
}

/**
 * Replays a training story through the services' write builders, in time order: partners and
 * programs created, each enrollment inserted (an invitation accepted as `respondToInvitation`
 * accepts it), then ended as `completeEnrollment`, `dropEnrollment` or a decline would end it (the domain's transitions, certificate numbers from the counter).
 * Seat counters, place guards, employees' id lists and partner feeds follow from the builders.
 * Returns the programs and enrollments as they end up stored.
 */
export function replayTraining(
  fold: WriteFold,
  story: { partners: Partner[]; programs: TrainingProgram[]; enrollments: EnrollmentStory[] },
): { programs: TrainingProgram[]; enrollments: Enrollment[] } {
  for (const partner of story.partners) fold.apply(partnerWrites.create(partner));
  for (const program of story.programs) fold.apply(programWrites.create(program));
  const programs = new Map(story.programs.map((p) => [p.id, p]));
  const events = story.enrollments.flatMap(({ created, accepted, end }) => [
    { at: created.createdAt, order: 0, id: created.id, created, end: undefined, accept: false },
    ...(accepted ? [{ at: accepted, order: 1, id: created.id, created, end: undefined, accept: true }] : []),
    // An end never sorts before its enrollment's creation.
    ...(end
      ? [
          {
            at: [endTime(end), created.createdAt].sort()[1] as string,
            order: 2,
            id: created.id,
            created,
            end,
            accept: false,
          },
        ]
      : []),
  ]);
  events.sort((a, b) => a.at.localeCompare(b.at) || a.order - b.order || a.id.localeCompare(b.id));
  const current = new Map<string, Enrollment>();
  for (const { created, end, accept, at } of events) {
    if (accept) {
      const before = current.get(created.id) ?? created;
      const after = acceptedEnrollment(before, 'ENROLLED', at);
      applyWithFeed(fold, enrollmentWrites.accept(before, after), [{ before, after }]);
      current.set(created.id, after);
      continue;
    }
    if (!end) {
      applyWithFeed(fold, enrollmentWrites.insert(created), [{ after: created }]);
      current.set(created.id, created);
      continue;
    }
    const before = current.get(created.id) ?? created;
    const { after, writes } = ended(fold, before, end, programs);
    applyWithFeed(fold, writes, [{ before, after }]);
    current.set(created.id, after);
  }
  const stored = <T>(key: { pk: string; sk: string }, from: (item: Record<string, unknown>) => T) => {
    const item = fold.get(key);
    if (!item) throw new Error(`Replay lost ${key.pk}`);
    return from(item);
  };
  return {
    programs: story.programs.map((p) =>
      stored(trainingProgramEntity.key(p.agencyId, p.id), (item) => trainingProgramEntity.fromItem(item)),
    ),
    enrollments: story.enrollments.map(({ created }) =>
      stored(enrollmentEntity.key(created.agencyId, created.id), (item) => enrollmentEntity.fromItem(item)),
    ),
  };
}
