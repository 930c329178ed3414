/** One problem with one input field: its path (e.g. `input.groupBy`) and why. Free of any transport. */
export interface FieldIssue {
  field: string;
  reason: string;
}
