import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/**
 * Seals signing secrets before they are stored (AES-256-GCM, a fresh 96-bit nonce each time),
 * bound with additional data to the endpoint they belong to, so a sealed secret copied onto
 * another endpoint does not open. The key comes from Secrets Manager in AWS
 * (WEBHOOK_SECRET_KEY_ARN) and is derived from the local dev secret otherwise.
 */
export interface SecretBox {
  seal(plain: string, boundTo: string): string;
  open(sealed: string, boundTo: string): string;
}

const VERSION = 'v1';

/** A secret box over a key of at least 32 characters (stretched to 256 bits with HKDF). */
export function createSecretBox(keyMaterial: string): SecretBox {
  if (keyMaterial.length < 32)
    throw new Error('Invalid configuration: the webhook secret key needs 32+ characters');
  const key = Buffer.from(hkdfSync('sha256', keyMaterial, 'pembinaan-asn', 'webhook-signing-secrets', 32));
  return {
    seal(plain, boundTo) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      cipher.setAAD(Buffer.from(boundTo));
      const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return [VERSION, iv, cipher.getAuthTag(), data]
        .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
        .join('.');
    },
    open(sealed, boundTo) {
      const [version, iv, tag, data] = sealed.split('.');
      if (version !== VERSION || !iv || !tag || data === undefined)
        throw new Error('not a sealed webhook secret');
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
      decipher.setAAD(Buffer.from(boundTo));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString(
        'utf8',
      );
    },
  };
}
