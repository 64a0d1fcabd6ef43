import { createRequire as __steerCreateRequire } from 'node:module'; const require = __steerCreateRequire(import.meta.url);
import{a,b}from"./chunk-5MO42FXY.js";import"./chunk-SOZDYGP6.js";import"./chunk-ZXCGATMH.js";import"./chunk-ZR7KTU3P.js";import"./chunk-4RC7ZUWD.js";import"./chunk-DS44CWOV.js";import"./chunk-MC5JKV5E.js";export{b as createChangeSetPlans,a as liveChangeSetPlans};
