import type { Enrollment } from '../domain/training';
import type { ServiceDeps } from './ports';

const MAX_ROUNDS = 50;

/** The waitlisted enrollment moved to a seat at `now`. */
export function promoted(waiting: Enrollment, now: string): Enrollment {
  return { ...waiting, status: 'ENROLLED', enrolledAt: now, version: waiting.version + 1, updatedAt: now };
}

/**
 * Gives free seats of a program to its waitlist in queue order until the seats or the queue
 * run out (after a capacity increase, or when a waitlisting raced a freed seat). Every
 * promotion is one transaction that re-checks the seat and the candidate.
 */
export async function fillFreeSeats(
  { training, enrollments, clock }: ServiceDeps,
  agencyId: string,
  programId: string,
) {
  for (let round = 0; round < MAX_ROUNDS; round += 1) {
    const program = await training.getProgramLatest(agencyId, programId);
    if (!program || program.seatsTaken >= program.capacity || program.waitlistCount === 0) return;
    const head = await enrollments.waitlistHead(agencyId, programId, program.capacity - program.seatsTaken);
    if (head.length === 0) {
      // The waitlist index lags the table by moments; look again shortly.
      await new Promise((resolve) => setTimeout(resolve, 20));
      continue;
    }
    for (const listed of head) {
      const candidate = await enrollments.getLatest(agencyId, listed.id);
      if (candidate?.status !== 'WAITLISTED') continue;
      const race = await enrollments.promote(candidate, promoted(candidate, clock().toISOString()));
      if (race === 'NO_SEAT') return;
    }
  }
}
