import { createRequire as __steerCreateRequire } from 'node:module'; const require = __steerCreateRequire(import.meta.url);

// src/core/model.ts
var ACTIONS = ["create", "update", "replace", "delete", "read", "no-op", "forget", "move", "import"];
var REDACTED = "(sensitive value)";

export {
  ACTIONS,
  REDACTED
};
