import { createHash, randomBytes } from 'node:crypto';
import type { UploadTargets } from '../domain/onboarding/import-ports';

/** sha256 (hex) of an upload token: what the job keeps instead of the token. */
export const uploadTokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * Upload targets of createImport locally: the local server's `PUT /uploads/<agency>/<job>` with a
 * one-time random token in the query (only its hash is stored), as a presigned URL would carry.
 */
export function createLocalUploadTargets(publicUrl: string): UploadTargets {
  return {
    async targetFor(job, expiresAt) {
      const token = randomBytes(32).toString('base64url');
      const url = `${publicUrl}/uploads/${encodeURIComponent(job.agencyId)}/${encodeURIComponent(job.id)}?token=${token}`;
      return {
        url,
        method: 'PUT',
        headers: {},
        expiresAt: expiresAt.toISOString(),
        tokenHash: uploadTokenHash(token),
      };
    },
  };
}
