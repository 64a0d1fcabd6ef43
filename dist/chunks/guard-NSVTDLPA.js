import { createRequire as __steerCreateRequire } from 'node:module'; const require = __steerCreateRequire(import.meta.url);
import{d as a,e as b}from"./chunk-KIO2LTYB.js";import"./chunk-BYJ37JC4.js";import"./chunk-MC5JKV5E.js";export{a as guardCommand,b as runGuard};
