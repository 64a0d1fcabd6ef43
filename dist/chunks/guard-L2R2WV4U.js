import { createRequire as __steerCreateRequire } from 'node:module'; const require = __steerCreateRequire(import.meta.url);
import{d as a,e as b}from"./chunk-YSJOGVHU.js";import"./chunk-HN7SWBTY.js";import"./chunk-MC5JKV5E.js";export{a as guardCommand,b as runGuard};
