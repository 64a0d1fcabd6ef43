import { createRequire as __steerCreateRequire } from 'node:module'; const require = __steerCreateRequire(import.meta.url);
import{a,b}from"./chunk-PXPNOXC5.js";import"./chunk-YAHXE3EY.js";import"./chunk-ZXCGATMH.js";import"./chunk-ZR7KTU3P.js";import"./chunk-QYAJFA72.js";import"./chunk-DS44CWOV.js";import"./chunk-MC5JKV5E.js";export{b as createChangeSetPlans,a as liveChangeSetPlans};
