import { ProgramFullError } from '../data/entities/enrollment-writes';
import { RaceLostError } from '../data/race-lost';
import { promotedEnrollment } from '../domain/enrollment-transitions';
import type { ServiceDeps } from './ports';

/** Nobody could be promoted although the program counts free seats and waiters (index lag, moved candidates). */
class NobodyPromoted extends Error {}

/**
 * Gives free seats of a program to its waitlist in queue order until the seats or the queue
 * run out (after a capacity increase, or when a waitlisting raced a freed seat). Every
 * promotion is one transaction that re-checks the seat and the candidate; a candidate that
 * changed meanwhile is skipped. A round that promotes nobody (the waitlist index lags the table
 * by moments) is tried again within the request's retry budget; after that the seats stay for
 * the next change of the program to hand out, and the caller's own write stands.
 */
export async function fillFreeSeats(
  { training, enrollments, retries, clock }: ServiceDeps,
  agencyId: string,
  programId: string,
) {
  const fill = async () => {
    for (;;) {
      const program = await training.getProgramLatest(agencyId, programId);
      if (!program || program.seatsTaken >= program.capacity || program.waitlistCount === 0) return;
      const head = await enrollments.waitlistHead(agencyId, programId, program.capacity - program.seatsTaken);
      let promotedAny = false;
      for (const listed of head) {
        const candidate = await enrollments.getLatest(agencyId, listed.id);
        if (candidate?.status !== 'WAITLISTED') continue;
        try {
          await enrollments.promote(candidate, promotedEnrollment(candidate, clock().toISOString()));
          promotedAny = true;
        } catch (error) {
          if (error instanceof ProgramFullError) return;
          if (!(error instanceof RaceLostError)) throw error;
        }
      }
      if (!promotedAny) throw new NobodyPromoted('The waitlist index is behind the program');
    }
  };
  try {
    await retries.retry(fill, { retryable: (error) => error instanceof NobodyPromoted });
  } catch (error) {
    if (!(error instanceof NobodyPromoted)) throw error;
  }
}
