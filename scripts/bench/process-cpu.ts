/**
 * CPU time of other processes, from Linux's /proc (utime + stime, in clock ticks of 10 ms): the
 * API's child process, and DynamoDB Local's JVM found by its port. Elsewhere: undefined.
 */
import { readdirSync, readFileSync } from 'node:fs';

const TICK_MS = 10;

/** CPU milliseconds `pid` has used so far (user + system), or undefined when unreadable. */
export function processCpuMs(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the parenthesised command name: state is field 3, utime 14, stime 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
  } catch {
    return undefined;
  }
}

/** This process's CPU milliseconds so far. */
export const ownCpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

/** The pid of the DynamoDB Local JVM listening on `endpoint`'s port (started with `-port <n>`). */
export function dynamoLocalPid(endpoint: string): number | undefined {
  const port = new URL(endpoint).port;
  try {
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        const args = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
        const at = args.indexOf('-port');
        if (args.some((a) => a.includes('DynamoDBLocal')) && at >= 0 && args[at + 1] === port)
          return Number(entry);
      } catch {
        // The process ended meanwhile.
      }
    }
  } catch {
    return undefined;
  }
  return undefined;
}
