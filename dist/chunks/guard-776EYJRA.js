import { createRequire as __steerCreateRequire } from 'node:module'; const require = __steerCreateRequire(import.meta.url);
import {
  guardCommand,
  runGuard
} from "./chunk-HV4FSGAE.js";
import "./chunk-QPO7ZZEI.js";
import "./chunk-QEVJJKSU.js";
export {
  guardCommand,
  runGuard
};
