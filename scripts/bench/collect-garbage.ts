/**
 * A full garbage collection of this process, before each figure (bench-plan.ts
 * createFigureClock): the figures measured in the bench's own process (aggregates, the warm
 * overhead, the CPU floors...) then meet a heap of their own, not the garbage of the figure
 * before. Loading the 100k record set leaves about 1.1 GB of it; until 2026-12-04 the heatmap
 * was measured on that heap, at 121–125 ms on 100k records where a collected heap answers in
 * 42–44 ms (and 36 -> 19 ms on 1k). A deployed API holds no such garbage.
 *
 * `gc` is exposed at run time (V8's `--expose-gc`, set here rather than on every command line
 * that runs the bench), and taken from a fresh context, where V8 then defines it.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let gc: (() => void) | undefined;

export function collectGarbage(): void {
  if (!gc) {
    setFlagsFromString('--expose-gc');
    gc = runInNewContext('gc') as () => void;
  }
  gc();
}
