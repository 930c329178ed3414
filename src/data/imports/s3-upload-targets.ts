import { defaultProvider } from '@aws-sdk/credential-provider-node';
import { Sha256 } from '@smithy/core/checksum';
import { buildQueryString } from '@smithy/core/protocols';
import { SignatureV4 } from '@smithy/signature-v4';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@smithy/types';
import type { UploadTargets } from '../../domain/onboarding/import-ports';

/** Where a presigned PUT goes: the bucket's virtual-hosted endpoint in its region. */
export interface PresignedPut {
  region: string;
  bucket: string;
  key: string;
  expiresInSeconds: number;
  credentials: AwsCredentialIdentity | AwsCredentialIdentityProvider;
  /** When the signature is made (default now); the URL is valid `expiresInSeconds` from then. */
  signingDate?: Date;
}

/**
 * A SigV4 presigned PUT of exactly one object key (query-string authentication, unsigned
 * payload, only `host` signed), as the SDK's S3 presigner builds it but without the S3 client:
 * the GraphQL function only needs the URL, and the client and its presigner are ~140 KB of its
 * bundle. Unlike that presigner (SDK 3.729 and later), the URL carries no
 * `x-amz-checksum-crc32`: the SDK signs the CRC32 of the empty body it has at signing time into
 * it, and S3 then refuses every non-empty upload (aws-sdk-js-v3 #6994). `x-id=PutObject` is kept
 * so the URL is the SDK's, parameter for parameter (tests/unit/data/s3-presigned-put.test.ts).
 * The bucket takes no other writes; the import function checks the size of what arrived (a PUT
 * URL cannot cap it).
 */
export async function presignPut(put: PresignedPut): Promise<string> {
  const signer = new SignatureV4({
    service: 's3',
    region: put.region,
    credentials: put.credentials,
    sha256: Sha256,
    // S3 signs the path as sent, without encoding it a second time.
    uriEscapePath: false,
    applyChecksum: false,
  });
  const hostname = `${put.bucket}.s3.${put.region}.amazonaws.com`;
  const path = `/${put.key.split('/').map(encodeRfc3986).join('/')}`;
  const signed = await signer.presign(
    {
      method: 'PUT',
      protocol: 'https:',
      hostname,
      path,
      query: { 'x-id': 'PutObject' },
      headers: { host: hostname, 'X-Amz-Content-Sha256': 'UNSIGNED-PAYLOAD' },
    },
    { expiresIn: put.expiresInSeconds, ...(put.signingDate ? { signingDate: put.signingDate } : {}) },
  );
  return `https://${hostname}${path}?${buildQueryString(signed.query ?? {})}`;
}

/** `encodeURIComponent` plus the characters RFC 3986 reserves and it leaves alone, as S3 expects. */
function encodeRfc3986(segment: string): string {
  return encodeURIComponent(segment).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/**
 * Upload targets of createImport in AWS: a presigned PUT of the job's own object key, signed
 * with the function's credentials (the SDK's default chain, as the DynamoDB client's).
 */
export function createS3UploadTargets(region: string, bucket: string): UploadTargets {
  const credentials = defaultProvider();
  return {
    async targetFor(job, expiresAt) {
      const seconds = Math.max(60, Math.round((expiresAt.getTime() - Date.now()) / 1000));
      return {
        url: await presignPut({
          region,
          bucket,
          key: job.objectKey as string,
          expiresInSeconds: seconds,
          credentials,
        }),
        method: 'PUT',
        headers: {},
        expiresAt: expiresAt.toISOString(),
      };
    },
  };
}
