import { type Appraisal, type TalentBox, talentBoxOf } from './evaluation';
import { NINE_BOXES, type NineBox } from './nine-box';

/** The people of one 9-box with the box's placement. */
export interface TalentBoxGroup<P> {
  box: NineBox;
  people: P[];
}

/**
 * An employee's 9-box from their appraisals (newest period first): performance from the latest
 * predikat, potential from the latest appraisal that assessed one (PermenPANRB 3/2020); null
 * without either.
 */
export function talentOf(appraisals: readonly Appraisal[]): TalentBox | null {
  const potential = appraisals.find((a) => a.potential)?.potential;
  const latest = appraisals[0];
  return latest && potential ? talentBoxOf(latest.predikat, potential) : null;
}

/** People grouped by 9-box, box 9 first (all nine boxes, empty ones included), and those without a box. */
export function distributeTalent<P>(people: readonly { person: P; talent: TalentBox | null }[]): {
  boxes: TalentBoxGroup<P>[];
  unplaced: P[];
} {
  const boxes = [...NINE_BOXES].reverse().map((box) => ({ box, people: [] as P[] }));
  const unplaced: P[] = [];
  for (const { person, talent } of people) {
    if (!talent) unplaced.push(person);
    else boxes.find((b) => b.box === talent.box)?.people.push(person);
  }
  return { boxes, unplaced };
}
