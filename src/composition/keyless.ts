import type { TokenVerifier } from '../auth/token-verifier';
import type { CursorCodec } from '../data/cursor';
import type { SecretBox } from '../domain/webhooks/secret-box';
import type { AddressHasher } from '../services/client-address';

/** What would need the deployment's secrets, in a process that holds none. */
export interface Keyless {
  verifier: TokenVerifier;
  cursors: CursorCodec;
  hashAddress: AddressHasher;
  secretBox: SecretBox;
}

/**
 * For system jobs (stream aggregator, complaint sweeper, webhook fan-out, import worker,
 * command-line tools), which take no requests and so get no secret and no token verifier:
 * instead of a made-up secret, each of these refuses, naming the process, so a job that starts
 * to need one fails loudly at once.
 */
export function keyless(entryPoint: string): Keyless {
  const refuse = (what: string): never => {
    throw new Error(`${entryPoint} holds no deployment secrets: it cannot ${what}`);
  };
  return {
    verifier: { verify: async () => refuse('verify tokens') },
    cursors: { encode: () => refuse('sign cursors'), decode: () => refuse('read cursors') },
    hashAddress: () => refuse('hash client addresses'),
    secretBox: { seal: () => refuse('seal webhook secrets'), open: () => refuse('open webhook secrets') },
  };
}
