import { Injectable } from '@nestjs/common';
import { AppConfig } from '@app/config';

/** The time source. "Today" is a calendar date in the bureaus' time zone (Beijing time by default). */
@Injectable()
export class Clock {
  private readonly formatter: Intl.DateTimeFormat;

  constructor(config: AppConfig) {
    this.formatter = new Intl.DateTimeFormat('en-CA', { timeZone: config.timezone, year: 'numeric', month: '2-digit', day: '2-digit' });
  }

  now(): Date {
    return new Date();
  }

  /** `YYYY-MM-DD` of the current day in the configured time zone. */
  today(): string {
    return this.formatter.format(this.now());
  }
}
