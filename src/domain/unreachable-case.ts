/**
 * Ends an exhaustive switch: the compiler proves this is never reached (a new case of the union
 * fails to compile until it is handled). Lives with the domain so every layer can end its
 * switches with it; `src/errors` re-exports it.
 */
export class UnreachableCaseError extends Error {
  constructor(value: never) {
    super(`Unreachable case: ${JSON.stringify(value)}`);
  }
}
