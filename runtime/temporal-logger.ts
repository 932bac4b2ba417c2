// The Temporal SDK's logger (worker, activity and workflow logs) writing through logging/log.ts:
// "Activity failed" carries the activity's error, whose message can be a query with its
// parameters; the `error` serializer writes its class, code and constraint instead.
import type { Logger as TemporalLogger, LogLevel, LogMetadata } from '@temporalio/worker';
import { log } from '../logging/log.js';

const LEVEL: Record<LogLevel, 'trace' | 'debug' | 'info' | 'warn' | 'error'> = { TRACE: 'trace', DEBUG: 'debug', INFO: 'info', WARN: 'warn', ERROR: 'error' };

export function temporalLogger(logger = log.child({ component: 'temporal' })): TemporalLogger {
  const at = (level: LogLevel) => (message: string, meta?: LogMetadata) => logger[LEVEL[level]]({ ...meta }, message);
  return { log: (level, message, meta) => at(level)(message, meta), trace: at('TRACE'), debug: at('DEBUG'), info: at('INFO'), warn: at('WARN'), error: at('ERROR') };
}
