import { Clock } from '@app/core';

/** A clock whose calendar day stands still, so that "today" in tests never drifts. */
export class FixedClock extends Clock {
  constructor(private readonly day: string) {
    super({ timezone: 'Asia/Shanghai' } as never);
  }

  override today(): string {
    return this.day;
  }
}
