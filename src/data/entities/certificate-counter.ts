import type { UpdateWrite } from '../write';

/**
 * The certificate counter of an agency's year: completions take the next number with one atomic
 * `ADD`, outside the completion's transaction (numbers are unique; a failed completion leaves a gap).
 */
export function nextCertificateSerial(agencyId: string, year: string): UpdateWrite {
  return {
    update: { pk: `${agencyId}#Counter#Certificate#${year}`, sk: 'Counter' },
    set: { entity: 'Counter', agencyId },
    add: { serial: 1 },
  };
}

/** The counter attribute `nextCertificateSerial` moves. */
export const CERTIFICATE_SERIAL = 'serial';
