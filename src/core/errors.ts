/**
 * Errors with a user meaning. Each carries a code and who is at fault; `cli/exit-codes.ts`
 * maps them to exit codes in one place. Anything thrown that is not a SteerError is a bug.
 */
export type ErrorCode = 'INPUT' | 'CONFIG' | 'TOOL' | 'USAGE' | 'REFUSED';

export class SteerError extends Error {
  readonly code: ErrorCode;
  /** `user`: a bad input or setting (no stack trace); `tool`: an external program failed. */
  readonly fault: 'user' | 'tool';

  constructor(code: ErrorCode, message: string, fault: 'user' | 'tool' = 'user') {
    super(message);
    this.name = 'SteerError';
    this.code = code;
    this.fault = fault;
  }
}

/** A plan, change set or other input that can't be read or trusted. Message names the file. */
export class InputError extends SteerError {
  constructor(file: string, problem: string) {
    super('INPUT', `${file}: ${problem}`);
    this.name = 'InputError';
  }
}

/** An invalid steer.yml; the message points at the field. */
export class ConfigError extends SteerError {
  constructor(file: string, problem: string) {
    super('CONFIG', `${file}: ${problem}`);
    this.name = 'ConfigError';
  }
}

/** An external program (terraform, tofu) that failed or is missing. */
export class ToolError extends SteerError {
  constructor(message: string) {
    super('TOOL', message, 'tool');
    this.name = 'ToolError';
  }
}

export class UsageError extends SteerError {
  constructor(message: string) {
    super('USAGE', message);
    this.name = 'UsageError';
  }
}

/** Steer refuses to execute: no valid approval (exit 2, review required) or a blocked plan (exit 3). */
export class RefusedError extends SteerError {
  readonly exitCode: 1 | 2 | 3;
  constructor(message: string, exitCode: 1 | 2 | 3) {
    super('REFUSED', message);
    this.name = 'RefusedError';
    this.exitCode = exitCode;
  }
}
