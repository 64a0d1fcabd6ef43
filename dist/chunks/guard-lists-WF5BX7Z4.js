import { createRequire as __steerCreateRequire } from 'node:module'; const require = __steerCreateRequire(import.meta.url);
import {
  require_dist
} from "./chunk-E5GA3TFU.js";
import {
  ConfigError
} from "./chunk-QPO7ZZEI.js";
import {
  __toESM
} from "./chunk-QEVJJKSU.js";

// src/app/guard-lists.ts
var import_yaml = __toESM(require_dist(), 1);

// src/guard/lists.ts
function guardListsOf(doc) {
  if (doc === null || doc === void 0) return { deny: [], allow: [] };
  if (typeof doc !== "object" || Array.isArray(doc)) throw new Error("expected a mapping at the top level");
  const section = doc.guard;
  if (section === void 0) return { deny: [], allow: [] };
  if (typeof section !== "object" || section === null || Array.isArray(section)) throw new Error("guard: expected a mapping with deny and allow");
  const unknown = Object.keys(section).find((k) => k !== "deny" && k !== "allow");
  if (unknown) throw new Error(`guard.${unknown}: unknown key (guard takes deny and allow)`);
  const s = section;
  return { deny: patterns(s.deny, "guard.deny"), allow: patterns(s.allow, "guard.allow") };
}
function patterns(value, path) {
  if (value === void 0) return [];
  if (!Array.isArray(value)) throw new Error(`${path}: expected a list of command patterns`);
  value.forEach((p, i) => {
    if (typeof p !== "string" || p.length === 0) throw new Error(`${path}.${i}: expected a non-empty command pattern`);
  });
  return value;
}

// src/app/guard-lists.ts
function guardListsFromText(text, file) {
  const doc = (0, import_yaml.parseDocument)(text);
  if (doc.errors.length > 0) throw new ConfigError(file, `not valid YAML (${doc.errors[0].message.split("\n")[0]})`);
  try {
    return guardListsOf(doc.toJS());
  } catch (e) {
    throw new ConfigError(file, e instanceof Error ? e.message : String(e));
  }
}
export {
  guardListsFromText
};
