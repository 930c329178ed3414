/** A non-null relation that must exist (referential integrity is kept by the services). */
export function required<T>(type: string) {
  return (value: T | null | undefined): T => {
    if (value === null || value === undefined) throw new Error(`Dangling reference to ${type}`);
    return value;
  };
}
