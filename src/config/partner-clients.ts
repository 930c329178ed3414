/** A partner code as the API and the demo data use it (`usu`). */
const PARTNER_CODE = /^[a-z0-9][a-z0-9-]{0,31}$/;

/**
 * Reads PARTNER_CLIENTS, the `{ "<app client id>": "<partner code>" }` JSON the CDK app gives the
 * pre-token-generation trigger; unset is an empty mapping. Fails fast on anything else.
 */
export function parsePartnerClients(json: string | undefined): ReadonlyMap<string, string> {
  if (!json) return new Map();
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    throw new Error('Invalid configuration: PARTNER_CLIENTS is not JSON');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new Error('Invalid configuration: PARTNER_CLIENTS must map app client ids to partner codes');
  }
  const entries = Object.entries(parsed as Record<string, unknown>);
  for (const [clientId, code] of entries) {
    if (typeof code !== 'string' || !PARTNER_CODE.test(code)) {
      throw new Error(`Invalid configuration: PARTNER_CLIENTS has a bad partner code for ${clientId}`);
    }
  }
  return new Map(entries as [string, string][]);
}
