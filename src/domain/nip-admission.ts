/**
 * A new employee's NIP and start of service taken together, as of today (DOMAIN rule 1): the NIP
 * itself (parseNip), the start of service not before the NIP's TMT nor beyond next year, a PPPK's
 * start inside the NIP's start year and the PPPK 18 on it. Shared by createEmployee and the import.
 */
import { dateParts, type IsoDate } from './calendar-date';
import { type EmploymentType, type ParsedNip, parseNip } from './nip';

/** Which input a refusal is about. */
export type AdmissionField = 'nip' | 'serviceStartDate';

export type NipAdmission =
  | { ok: true; parsed: ParsedNip; serviceStartDate: IsoDate }
  | { ok: false; field: AdmissionField; reason: string };

/** Checks a NIP with the start of service given (or the NIP's own TMT) against today. */
export function admitNip(
  input: { nip: string; employmentType: EmploymentType; serviceStartDate?: IsoDate | undefined },
  today: IsoDate,
): NipAdmission {
  const first = parseNip(input.nip, input.employmentType, { today });
  if (!first.ok) return { ok: false, field: 'nip', reason: `${first.part}: ${first.reason}` };
  const { startDate } = first.value;
  const serviceStartDate = input.serviceStartDate ?? startDate;
  const refuse = (reason: string): NipAdmission => ({ ok: false, field: 'serviceStartDate', reason });
  if (serviceStartDate < startDate) return refuse(`must not precede the start in the NIP (${startDate})`);
  if (input.employmentType === 'PPPK' && dateParts(serviceStartDate).year !== dateParts(startDate).year)
    return refuse(`must lie in ${startDate.slice(0, 4)}, the start year in the NIP (TMT PPPK)`);
  if (dateParts(serviceStartDate).year > dateParts(today).year + 1)
    return refuse('must not lie beyond next year');
  if (input.employmentType === 'PNS') return { ok: true, parsed: first.value, serviceStartDate };
  // A PPPK must be 18 on the hire date itself, which the NIP (year only) does not carry.
  const hired = parseNip(input.nip, 'PPPK', { today, hireDate: serviceStartDate });
  if (!hired.ok)
    return {
      ok: false,
      field: input.serviceStartDate ? 'serviceStartDate' : 'nip',
      reason: `${hired.part}: ${hired.reason}`,
    };
  return { ok: true, parsed: hired.value, serviceStartDate };
}
