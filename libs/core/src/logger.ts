import { ConsoleLogger, LogLevel as NestLogLevel } from '@nestjs/common';
import type { AppConfig, LogLevel } from '@app/config';

const SEVERITY: NestLogLevel[] = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'];

/** The log levels at and above LOG_LEVEL. */
export function logLevels(level: LogLevel): NestLogLevel[] {
  return SEVERITY.slice(0, SEVERITY.indexOf(level) + 1);
}

/** Console logs, JSON lines in production, at the configured level. */
export function createLogger(config: Pick<AppConfig, 'logLevel' | 'env'>): ConsoleLogger {
  return new ConsoleLogger({ logLevels: logLevels(config.logLevel), json: config.env === 'production', prefix: 'staffing-desk' });
}
