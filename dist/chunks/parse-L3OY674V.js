import { createRequire as __steerCreateRequire } from 'node:module'; const require = __steerCreateRequire(import.meta.url);
import {
  DEFAULT_CONFIG,
  configSchema
} from "./chunk-TLDEGVCJ.js";
import "./chunk-NLEEBJMC.js";
import {
  firstIssueText
} from "./chunk-VWJEZFZ2.js";
import {
  require_dist
} from "./chunk-E5GA3TFU.js";
import {
  ConfigError
} from "./chunk-QPO7ZZEI.js";
import {
  __toESM
} from "./chunk-QEVJJKSU.js";

// src/config/parse.ts
var import_yaml = __toESM(require_dist(), 1);
function parseConfig(text, file) {
  const doc = (0, import_yaml.parseDocument)(text, { prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length > 0) {
    const e = doc.errors[0];
    const where = e.linePos?.[0] ? ` (line ${e.linePos[0].line}, column ${e.linePos[0].col})` : "";
    throw new ConfigError(file, `invalid YAML${where}: ${e.message.split("\n")[0].replace(/ at line \d+, column \d+:?$/, "")}`);
  }
  const value = doc.toJS() ?? {};
  const result = configSchema.safeParse(value);
  if (!result.success) throw new ConfigError(file, firstIssueText(result.error));
  return result.data;
}
export {
  DEFAULT_CONFIG,
  parseConfig
};
