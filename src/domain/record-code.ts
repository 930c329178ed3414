/**
 * Codes of units and programs (kode unit kerja, kode program): what agencies and SIASN use to
 * name a record in spreadsheets. Unique per agency, compared in upper case.
 */

/** Longest code accepted. */
export const MAX_CODE_LENGTH = 40;

const CODE = /^[A-Z0-9][A-Z0-9._/-]*$/;

/** The stored form of a code (trimmed, upper case), or why it is not a code. */
export function parseRecordCode(raw: string): { ok: true; value: string } | { ok: false; reason: string } {
  const code = raw.trim().toUpperCase();
  if (!code) return { ok: false, reason: 'is required' };
  if (code.length > MAX_CODE_LENGTH)
    return { ok: false, reason: `must have at most ${MAX_CODE_LENGTH} characters` };
  if (!CODE.test(code))
    return {
      ok: false,
      reason: 'may hold only letters, digits and . _ / - (starting with a letter or digit)',
    };
  return { ok: true, value: code };
}

/** The code a record is shown with: its own, or (stored before codes existed) its id. */
export function codeOf(record: { code?: string | undefined; id: string }): string {
  return record.code ?? record.id.toUpperCase();
}
