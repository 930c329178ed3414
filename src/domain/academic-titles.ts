/**
 * Academic and professional titles (gelar) written with a name, and the least education they
 * imply: "Dr. Rina Siregar, S.E., M.Si." holds a doctorate (S3). Only well-known forms count;
 * anything else (Hj., H., unknown abbreviations) implies nothing.
 */
import { type Education, educationLevel } from './education';

/** Titles written before the name (gelar depan). `Dr.` is a doctorate; lower-case `dr.` a physician. */
const FRONT_TITLES: [RegExp, Education][] = [
  [/^Prof\.?$/, 'S3'],
  [/^Dr\.$/, 'S3'],
  [/^(dr|drg|Drs|Dra|Ir|apt)\.$/, 'S1'],
];

/** Titles written after the name, separated by commas (gelar belakang). Order matters: first match wins. */
const BACK_TITLES: [RegExp, Education][] = [
  [/^(Ph\.?\s?D\.?|D\.Sc\.?)$/, 'S3'],
  [/^Sp\.[A-Za-z.()-]+$/, 'S2'], // medical specialist (dokter spesialis), a level above the S1 profession
  [/^(M\.[A-Za-z.]+|MM|MBA|MPH|MSc)$/, 'S2'],
  [/^(S\.Tr\.[A-Za-z.]*|S\.ST\.?)$/, 'D_IV'], // sarjana terapan
  [/^(S\.[A-Za-z.]+|Lc\.?|Ners|Apt\.?)$/, 'S1'],
  [/^A\.Md\.?[A-Za-z.]*$/, 'D_III'], // ahli madya
  [/^A\.Ma\.?[A-Za-z.]*$/, 'D_II'], // ahli muda
  [/^A\.P\.?$/, 'D_I'], // ahli pratama
];

const highest = (a: Education | undefined, b: Education): Education =>
  a === undefined || educationLevel(b) > educationLevel(a) ? b : a;

/** The titles found in a name and the least education they imply, or undefined without any. */
export function educationFromTitles(name: string): { education: Education; titles: string[] } | undefined {
  const [person = '', ...after] = name.split(',').map((part) => part.trim());
  let education: Education | undefined;
  const titles: string[] = [];
  for (const word of person.split(/\s+/)) {
    const match = FRONT_TITLES.find(([pattern]) => pattern.test(word));
    if (!match) break; // front titles come first; the name proper starts at the first other word
    education = highest(education, match[1]);
    titles.push(word);
  }
  for (const title of after) {
    const match = BACK_TITLES.find(([pattern]) => pattern.test(title));
    if (!match) continue;
    education = highest(education, match[1]);
    titles.push(title);
  }
  return education === undefined ? undefined : { education, titles };
}
