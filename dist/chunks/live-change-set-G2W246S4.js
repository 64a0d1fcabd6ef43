import { createRequire as __steerCreateRequire } from 'node:module'; const require = __steerCreateRequire(import.meta.url);
import{a,b}from"./chunk-3MCRMLZ4.js";import"./chunk-2XYZRX4P.js";import"./chunk-ZXCGATMH.js";import"./chunk-T6QMCZB5.js";import"./chunk-FFK7CURT.js";import"./chunk-DS44CWOV.js";import"./chunk-MC5JKV5E.js";export{b as createChangeSetPlans,a as liveChangeSetPlans};
