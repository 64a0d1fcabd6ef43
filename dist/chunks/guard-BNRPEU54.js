import { createRequire as __steerCreateRequire } from 'node:module'; const require = __steerCreateRequire(import.meta.url);
import{d as a,e as b}from"./chunk-QEYO7X45.js";import"./chunk-BJ7RR2FH.js";import"./chunk-BWGA2D2W.js";import"./chunk-DS44CWOV.js";import"./chunk-MC5JKV5E.js";export{a as guardCommand,b as runGuardCommand};
