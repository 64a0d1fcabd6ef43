import { createRequire as __steerCreateRequire } from 'node:module'; const require = __steerCreateRequire(import.meta.url);

// src/core/errors.ts
var SteerError = class extends Error {
  code;
  /** `user`: a bad input or setting (no stack trace); `tool`: an external program failed. */
  fault;
  constructor(code, message, fault = "user") {
    super(message);
    this.name = "SteerError";
    this.code = code;
    this.fault = fault;
  }
};
var InputError = class extends SteerError {
  constructor(file, problem) {
    super("INPUT", `${file}: ${problem}`);
    this.name = "InputError";
  }
};
var ConfigError = class extends SteerError {
  constructor(file, problem) {
    super("CONFIG", `${file}: ${problem}`);
    this.name = "ConfigError";
  }
};
var ToolError = class extends SteerError {
  constructor(message) {
    super("TOOL", message, "tool");
    this.name = "ToolError";
  }
};
var UsageError = class extends SteerError {
  constructor(message) {
    super("USAGE", message);
    this.name = "UsageError";
  }
};
var RefusedError = class extends SteerError {
  exitCode;
  constructor(message, exitCode) {
    super("REFUSED", message);
    this.name = "RefusedError";
    this.exitCode = exitCode;
  }
};

export {
  SteerError,
  InputError,
  ConfigError,
  ToolError,
  UsageError,
  RefusedError
};
