/**
 * The size DynamoDB counts for an item against its 400 KB limit: each attribute's name (UTF-8)
 * plus its value; a number takes about one byte per two significant digits plus one, a string
 * its UTF-8 length, a list or map 3 bytes plus one per element plus its elements
 * (docs.aws.amazon.com/amazondynamodb/latest/developerguide/CapacityUnitCalculations.html).
 */
const utf8 = (text: string) => Buffer.byteLength(text, 'utf8');

function numberBytes(value: number): number {
  const digits = String(Math.abs(value))
    .replace(/e.*$/, '')
    .replace('.', '')
    .replace(/^0+/, '')
    .replace(/0+$/, '');
  return Math.ceil(Math.max(1, digits.length) / 2) + 1;
}

function valueBytes(value: unknown): number {
  if (value === null || value === undefined || typeof value === 'boolean') return 1;
  if (typeof value === 'number') return numberBytes(value);
  if (typeof value === 'string') return utf8(value);
  if (Array.isArray(value)) return 3 + value.reduce((sum: number, v) => sum + 1 + valueBytes(v), 0);
  if (typeof value === 'object')
    return (
      3 +
      Object.entries(value as Record<string, unknown>).reduce(
        (sum, [k, v]) => sum + 1 + utf8(k) + valueBytes(v),
        0,
      )
    );
  return utf8(String(value));
}

/** Bytes of one item as DynamoDB sizes it. */
export function itemSizeBytes(item: Record<string, unknown>): number {
  let bytes = 0;
  for (const [name, value] of Object.entries(item))
    if (value !== undefined) bytes += utf8(name) + valueBytes(value);
  return bytes;
}

/** The largest of these items (rollups and tallies), in KB, with its key. */
export function largestItem(items: Iterable<Record<string, unknown>>): { kb: number; key: string } {
  let largest = { bytes: 0, key: '' };
  for (const item of items) {
    const bytes = itemSizeBytes(item);
    if (bytes > largest.bytes) largest = { bytes, key: `${item.pk} ${item.sk}` };
  }
  return { kb: largest.bytes / 1024, key: largest.key };
}
