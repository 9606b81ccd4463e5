/**
 * Polls until `check` passes (or `timeoutMs` is over, then throws its last failure): for what
 * happens soon but not at once, such as a job run by a worker or a reconnection to Redis.
 */
export async function eventually(check: () => void | Promise<void>, timeoutMs = 20_000, everyMs = 100): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await check();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, everyMs));
    }
  }
}
