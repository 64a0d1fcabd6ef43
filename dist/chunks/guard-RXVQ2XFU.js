import { createRequire as __steerCreateRequire } from 'node:module'; const require = __steerCreateRequire(import.meta.url);
import{d as a,e as b}from"./chunk-GZRA5YDT.js";import"./chunk-C5HKTMWS.js";import"./chunk-DS44CWOV.js";import"./chunk-BWGA2D2W.js";import"./chunk-MC5JKV5E.js";export{a as guardCommand,b as runGuardCommand};
