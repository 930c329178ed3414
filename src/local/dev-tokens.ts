import type { DemoIdentity } from '../demo/demo-identities';
import type { HeaderPreset } from '../server/playground-page';
import { type LocalKeyPair, signLocalToken } from './local-issuer';

/** Header presets for GraphiQL: one signed dev token per demo identity, plus the public (no token). */
export async function devHeaderPresets(
  keys: LocalKeyPair,
  identities: DemoIdentity[],
): Promise<HeaderPreset[]> {
  const presets: HeaderPreset[] = [];
  for (const identity of identities) {
    const token = await signLocalToken(keys, identity.claims, { expiresIn: '30d' });
    presets.push({ label: identity.label, headers: { Authorization: `Bearer ${token}` } });
  }
  presets.push({ label: 'Public (no token)', headers: {} });
  return presets;
}
