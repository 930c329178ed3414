import { vi } from 'vitest';

/**
 * A Lambda handler module loaded anew, reading the environment as it is now (its configuration
 * and clients are built when it loads): another file of the same worker may have loaded it under
 * its own environment.
 */
export async function freshHandlerModule<T>(load: () => Promise<T>): Promise<T> {
  vi.resetModules();
  return load();
}
