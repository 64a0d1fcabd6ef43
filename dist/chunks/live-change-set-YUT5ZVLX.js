import { createRequire as __steerCreateRequire } from 'node:module'; const require = __steerCreateRequire(import.meta.url);
import{a,b}from"./chunk-GIGKPJOE.js";import"./chunk-Y5DMD6J7.js";import"./chunk-ZXCGATMH.js";import"./chunk-ZR7KTU3P.js";import"./chunk-X5FIWB5D.js";import"./chunk-DS44CWOV.js";import"./chunk-MC5JKV5E.js";export{b as createChangeSetPlans,a as liveChangeSetPlans};
