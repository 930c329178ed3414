/**
 * Whether the process is still loading what it serves (under `npm start`: the demo data of a
 * first start). While it is, `/health` answers 503 `loading`, queries answer with
 * `extensions.startup`, and mutations are refused (src/server/startup-plugin.ts). Deployed stacks never load.
 */
export interface StartupStatus {
  /** What is still loading, in plain words; undefined once everything is in. */
  loading(): string | undefined;
}

/** A process with nothing to load. */
export const STARTED: StartupStatus = { loading: () => undefined };

/** A startup status the entry point moves along: `say` what is loading, then `done()`. */
export interface StartupProgress extends StartupStatus {
  say(what: string): void;
  done(): void;
}

export function startupProgress(first: string): StartupProgress {
  let what: string | undefined = first;
  return {
    loading: () => what,
    say(next) {
      if (what !== undefined) what = next;
    },
    done() {
      what = undefined;
    },
  };
}
