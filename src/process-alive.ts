/** Whether a process of this machine still exists, for the lock files that name their holder. */

/**
 * True while process `pid` exists on this machine (signal 0 probes without signalling); EPERM
 * means it exists but belongs to someone else, which still counts.
 */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
