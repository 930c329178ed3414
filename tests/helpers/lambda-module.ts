import { vi } from 'vitest';

/**
 * Sets `values` in the environment and returns what puts it back as it was: the suite runs its
 * files one after the other in each worker (vitest.config.ts, `isolate: false`), so a file leaves
 * no variable behind for the next.
 */
export function setEnvironment(values: Record<string, string>): () => void {
  const previous = Object.fromEntries(Object.keys(values).map((name) => [name, process.env[name]]));
  Object.assign(process.env, values);
  return () => {
    for (const [name, value] of Object.entries(previous)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  };
}

/**
 * A Lambda handler module loaded anew, reading the environment as it is now (its configuration
 * and clients are built when it loads): another file of the same worker may have loaded it under
 * its own environment.
 */
export async function freshHandlerModule<T>(load: () => Promise<T>): Promise<T> {
  vi.resetModules();
  return load();
}
