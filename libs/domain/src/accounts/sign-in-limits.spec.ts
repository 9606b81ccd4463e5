import { signInVerdict, SignInLimits, slowdownDelayMs } from './sign-in-limits';

const limits: SignInLimits = { maxAttempts: 3, maxAttemptsPerUsername: 5, windowSeconds: 300, delayMs: 250, maxDelayMs: 4000 };
const now = new Date('2026-09-01T08:00:00.000Z');
const secondsAgo = (s: number) => new Date(now.getTime() - s * 1000);

/** Failures of the username, newest first, `here` from this address. */
function failures(list: [secondsAgo: number, here: boolean][], fromAddress = 0) {
  return { ofUsername: list.map(([s, here]) => ({ at: secondsAgo(s), fromThisAddress: here })), fromAddress };
}

describe('signInVerdict', () => {
  it('lets a username with fewer failures than the limits in', () => {
    const sut = signInVerdict(
      failures([
        [10, true],
        [20, true],
        [30, false],
        [40, false],
      ]),
      now,
      limits,
    );
    expect(sut).toEqual({ allowed: true, delayMs: 0 });
  });

  it('locks a username at this address after maxAttempts failures from it, until the oldest of them leaves the window', () => {
    const sut = signInVerdict(
      failures([
        [10, true],
        [20, false],
        [100, true],
        [200, true],
      ]),
      now,
      limits,
    );
    // The third-newest failure from here is 200 s old: it leaves the 300 s window in 100 s.
    expect(sut).toEqual({ allowed: false, lockedBy: 'USERNAME_AND_ADDRESS', retryAfterSeconds: 100 });
  });

  it('locks a username everywhere after maxAttemptsPerUsername failures from any addresses', () => {
    const sut = signInVerdict(
      failures([
        [1, false],
        [2, false],
        [3, true],
        [4, false],
        [60, false],
      ]),
      now,
      limits,
    );
    expect(sut).toEqual({ allowed: false, lockedBy: 'USERNAME', retryAfterSeconds: 240 });
  });

  it('answers the longer wait when both locks hold, and always at least one second', () => {
    const both = failures([
      [1, true],
      [2, true],
      [3, true],
      [4, false],
      [5, false],
      [6, false],
    ]);
    expect(signInVerdict(both, now, limits)).toEqual({ allowed: false, lockedBy: 'USERNAME_AND_ADDRESS', retryAfterSeconds: 297 });
    const edge = failures([
      [299.9, true],
      [299.95, true],
      [299.99, true],
    ]);
    expect(signInVerdict(edge, now, limits)).toMatchObject({ allowed: false, retryAfterSeconds: 1 });
  });

  it('never locks for failures over other usernames from this address: it slows the address down instead', () => {
    expect(signInVerdict(failures([], 1000), now, limits)).toEqual({ allowed: true, delayMs: 4000 });
    expect(signInVerdict(failures([[5, true]], 3), now, limits)).toEqual({ allowed: true, delayMs: 250 });
  });
});

describe('slowdownDelayMs', () => {
  it('waits nothing below maxAttempts failures, then doubles from delayMs up to maxDelayMs', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 7, 8, 50, 10_000].map((n) => slowdownDelayMs(n, limits))).toEqual([
      0, 0, 0, 250, 500, 1000, 2000, 4000, 4000, 4000, 4000,
    ]);
  });

  it('waits nothing when the delay is switched off', () => {
    expect(slowdownDelayMs(100, { ...limits, delayMs: 0 })).toBe(0);
  });
});
