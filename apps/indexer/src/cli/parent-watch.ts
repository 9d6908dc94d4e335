/** How often the parent is checked. */
const CHECK_MS = 1_000;

/**
 * Calls `onGone` once when this process's parent exits, however it exits (kill -9 included):
 * the process is then re-parented, and its parent pid changes. A process started by init or as
 * a container's first process (parent pid 0 or 1) has no parent to lose. This is what makes
 * `serve` stop, and with it Meilisearch and the search API, when `npm start` is killed.
 */
export function watchParent(onGone: () => void): void {
  const parent = process.ppid;
  if (parent <= 1) return;
  const timer = setInterval(() => {
    if (process.ppid === parent) return;
    clearInterval(timer);
    onGone();
  }, CHECK_MS);
  timer.unref();
}
