import type { Readable } from 'node:stream';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  NoSuchKey,
  NotFound,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import type { ImportFiles, UploadTargets } from '../../domain/onboarding/import-ports';

/** Uploaded import files in the imports bucket (the AWS SDK stays in src/data: callers give the region). */
export function createS3ImportFiles(region: string, bucket: string): ImportFiles {
  const s3 = new S3Client({ region });
  return {
    async open(key) {
      const out = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
      return out.Body as Readable;
    },
    async size(key) {
      try {
        const out = await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
        return out.ContentLength ?? 0;
      } catch (error) {
        if (error instanceof NotFound || error instanceof NoSuchKey) return undefined;
        throw error;
      }
    },
    async remove(key) {
      await s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: key }));
    },
  };
}

/**
 * A presigned PUT of exactly one object key, valid for `expiresInSeconds`. The bucket takes no
 * other writes; the import function checks the size of what arrived (a PUT URL cannot cap it).
 */
export async function presignedUpload(
  s3: S3Client,
  bucket: string,
  key: string,
  expiresInSeconds: number,
): Promise<string> {
  return getSignedUrl(s3, new PutObjectCommand({ Bucket: bucket, Key: key }), {
    expiresIn: expiresInSeconds,
  });
}

/** Upload targets of createImport in AWS: a presigned PUT of the job's own object key. */
export function createS3UploadTargets(region: string, bucket: string): UploadTargets {
  const s3 = new S3Client({ region });
  return {
    async targetFor(job, expiresAt) {
      const key = job.objectKey as string;
      const seconds = Math.max(60, Math.round((expiresAt.getTime() - Date.now()) / 1000));
      return {
        url: await presignedUpload(s3, bucket, key, seconds),
        method: 'PUT',
        headers: {},
        expiresAt: expiresAt.toISOString(),
      };
    },
  };
}
