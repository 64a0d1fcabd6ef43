import { createRequire as __steerCreateRequire } from 'node:module'; const require = __steerCreateRequire(import.meta.url);
import{g as a,h as b}from"./chunk-6GEOKC5Z.js";import"./chunk-F333RLRC.js";import"./chunk-DS44CWOV.js";import"./chunk-BWGA2D2W.js";import"./chunk-MC5JKV5E.js";export{a as guardCommand,b as runGuard};
