/**
 * Sets `values` in this process's environment and returns what puts it back as it was (each
 * variable restored, or removed if it was not set): for settings a child process or a module
 * reads from the environment when it starts.
 */
export function setEnvironment(values: Readonly<Record<string, string>>): () => void {
  const previous = Object.fromEntries(Object.keys(values).map((name) => [name, process.env[name]]));
  Object.assign(process.env, values);
  return () => {
    for (const [name, value] of Object.entries(previous)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  };
}
