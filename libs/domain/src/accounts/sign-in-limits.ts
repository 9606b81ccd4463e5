/**
 * Limits on failed sign-ins. Guessing one account is stopped by locking its username (429 with a
 * time to wait); guessing many accounts from one address only slows that address down, so that
 * an office sharing one address, or everybody behind an untrusted proxy, still gets in with the
 * right password.
 */
export interface SignInLimits {
  /** Failures for one username from one address within the window that lock the username there. */
  readonly maxAttempts: number;
  /** Failures for one username from all addresses within the window that lock it everywhere. */
  readonly maxAttemptsPerUsername: number;
  readonly windowSeconds: number;
  /** Delay of the first slowed-down attempt from a busy address; it doubles with each further failure. */
  readonly delayMs: number;
  readonly maxDelayMs: number;
}

export interface RecentFailures {
  /**
   * The username's most recent failures within the window, newest first: at least the newest
   * `maxAttemptsPerUsername` of them (more are not needed), each saying whether it came from
   * the address signing in now.
   */
  readonly ofUsername: readonly { readonly at: Date; readonly fromThisAddress: boolean }[];
  /** Failures from this address within the window, over all usernames. */
  readonly fromAddress: number;
}

export type SignInVerdict =
  | { readonly allowed: true; readonly delayMs: number }
  | { readonly allowed: false; readonly lockedBy: 'USERNAME' | 'USERNAME_AND_ADDRESS'; readonly retryAfterSeconds: number };

/** Whether a sign-in may go ahead now, and after how long a pause; or how long its username stays locked. */
export function signInVerdict(failures: RecentFailures, now: Date, limits: SignInLimits): SignInVerdict {
  const locks: { lockedBy: 'USERNAME' | 'USERNAME_AND_ADDRESS'; retryAfterSeconds: number }[] = [];
  const everywhere = failures.ofUsername;
  if (everywhere.length >= limits.maxAttemptsPerUsername) {
    locks.push({ lockedBy: 'USERNAME', retryAfterSeconds: secondsUntilExpiry(everywhere[limits.maxAttemptsPerUsername - 1].at, now, limits) });
  }
  const here = everywhere.filter((failure) => failure.fromThisAddress);
  if (here.length >= limits.maxAttempts) {
    locks.push({ lockedBy: 'USERNAME_AND_ADDRESS', retryAfterSeconds: secondsUntilExpiry(here[limits.maxAttempts - 1].at, now, limits) });
  }
  if (locks.length > 0) {
    const longest = locks.reduce((a, b) => (b.retryAfterSeconds > a.retryAfterSeconds ? b : a));
    return { allowed: false, ...longest };
  }
  return { allowed: true, delayMs: slowdownDelayMs(failures.fromAddress, limits) };
}

/**
 * The pause before a sign-in from an address with `failures` recent failures over any
 * usernames: none up to `maxAttempts - 1`, then delayMs, doubling with each further failure,
 * at most maxDelayMs.
 */
export function slowdownDelayMs(failures: number, limits: Pick<SignInLimits, 'maxAttempts' | 'delayMs' | 'maxDelayMs'>): number {
  const excess = failures - limits.maxAttempts;
  if (excess < 0 || limits.delayMs === 0) return 0;
  return Math.min(limits.maxDelayMs, limits.delayMs * 2 ** Math.min(excess, 30));
}

/**
 * Whole seconds until the failure at `at` leaves the window (at least 1): when it does, one
 * failure fewer counts and the lock it completed is lifted.
 */
function secondsUntilExpiry(at: Date, now: Date, limits: Pick<SignInLimits, 'windowSeconds'>): number {
  return Math.max(1, Math.ceil((at.getTime() + limits.windowSeconds * 1000 - now.getTime()) / 1000));
}
