import type { Table } from '../table';
import { ROLLUP_LAYOUT } from './rollup-keys';

/** The table's mark of the layout its rollups were last rebuilt (or seeded) under. */
const LAYOUT_KEY = { pk: 'System#RollupLayout', sk: 'Layout' };

/** The mark that the table's rollups follow the current layout (rollup-keys.ts ROLLUP_LAYOUT). */
export const rollupLayoutItem = () => ({ ...LAYOUT_KEY, entity: 'RollupLayout', version: ROLLUP_LAYOUT });

/**
 * Whether the table's rollups were rebuilt or seeded under the current layout; `npm start`
 * rebuilds them when not (a table from before a layout change, or never marked).
 */
export async function rollupLayoutIsCurrent(table: Table): Promise<boolean> {
  const mark = await table.get(LAYOUT_KEY);
  return Number(mark?.version) === ROLLUP_LAYOUT;
}

/** Marks the table's rollups as written under the current layout. */
export async function markRollupLayout(table: Table): Promise<void> {
  await table.put(rollupLayoutItem());
}
