import { createRequire as __steerCreateRequire } from 'node:module'; const require = __steerCreateRequire(import.meta.url);
import{b as a,c as b}from"./chunk-XWTFPZ5D.js";import"./chunk-ZXCGATMH.js";import"./chunk-T6QMCZB5.js";import"./chunk-FFK7CURT.js";import"./chunk-DS44CWOV.js";import"./chunk-MC5JKV5E.js";export{b as createChangeSetPlans,a as liveChangeSetPlans};
