import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { describe, expect, it } from 'vitest';
import { presignPut } from '../../../src/data/imports/s3-upload-targets';

const credentials = {
  accessKeyId: 'AKIDEXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
  sessionToken: 'FwoGZXIvYXdzEJr//////////wEaDO+session/token==',
};
const signingDate = new Date('2026-12-03T07:45:00Z');
const region = 'ap-southeast-3';
const bucket = 'pembinaan-asn-imports-1a2b3c';

/** The SDK's own presigned PutObject, its empty-body checksum turned off (the documented workaround). */
async function sdkUrl(key: string, expiresIn: number): Promise<string> {
  const s3 = new S3Client({ region, credentials, requestChecksumCalculation: 'WHEN_REQUIRED' });
  return getSignedUrl(s3, new PutObjectCommand({ Bucket: bucket, Key: key }), { expiresIn, signingDate });
}

describe('presigned S3 PUTs without the S3 client', () => {
  it.each([
    'imports/medan/01JXYZ/pegawai.csv',
    'imports/medan/01JXYZ/data pegawai (final)+v2*.xlsx',
    "imports/binjai/01JXYZ/rekap'diklat!~_.csv",
    'imports/binjai/01JXYZ/Daftar Peserta – Kota Medan ñ.xlsx',
  ])('sign %s exactly as the SDK presigner does', async (key) => {
    const ours = await presignPut({ region, bucket, key, expiresInSeconds: 900, credentials, signingDate });
    expect(ours).toBe(await sdkUrl(key, 900));
  });

  it('carry no checksum of an empty body, which would make S3 refuse the upload', async () => {
    const url = new URL(
      await presignPut({
        region,
        bucket,
        key: 'imports/a/b.csv',
        expiresInSeconds: 600,
        credentials,
        signingDate,
      }),
    );
    const names = [...url.searchParams.keys()];
    expect(names.filter((n) => /checksum/i.test(n))).toEqual([]);
    expect(url.searchParams.get('X-Amz-SignedHeaders')).toBe('host');
    expect(url.searchParams.get('X-Amz-Content-Sha256')).toBe('UNSIGNED-PAYLOAD');
  });

  it('name the bucket, the key, the credential scope and the lifetime', async () => {
    const url = new URL(
      await presignPut({
        region,
        bucket,
        key: 'imports/a/b.csv',
        expiresInSeconds: 3600,
        credentials,
        signingDate,
      }),
    );
    expect(url.host).toBe(`${bucket}.s3.${region}.amazonaws.com`);
    expect(url.pathname).toBe('/imports/a/b.csv');
    expect(url.searchParams.get('X-Amz-Credential')).toBe(`AKIDEXAMPLE/20261203/${region}/s3/aws4_request`);
    expect(url.searchParams.get('X-Amz-Date')).toBe('20261203T074500Z');
    expect(url.searchParams.get('X-Amz-Expires')).toBe('3600');
    expect(url.searchParams.get('X-Amz-Security-Token')).toBe(credentials.sessionToken);
    expect(url.searchParams.get('X-Amz-Signature')).toMatch(/^[0-9a-f]{64}$/);
  });

  it('change the signature with the key, the lifetime and the secret', async () => {
    const base = { region, bucket, key: 'imports/a/b.csv', expiresInSeconds: 900, credentials, signingDate };
    const signature = async (put: typeof base) =>
      new URL(await presignPut(put)).searchParams.get('X-Amz-Signature');
    const original = await signature(base);
    expect(await signature({ ...base, key: 'imports/a/c.csv' })).not.toBe(original);
    expect(await signature({ ...base, expiresInSeconds: 901 })).not.toBe(original);
    expect(
      await signature({
        ...base,
        credentials: { ...credentials, secretAccessKey: `${credentials.secretAccessKey}x` },
      }),
    ).not.toBe(original);
  });
});
