import { createRequire as __steerCreateRequire } from 'node:module'; const require = __steerCreateRequire(import.meta.url);
import{d as a,e as b}from"./chunk-UFXCZPB5.js";import"./chunk-X5LS32R5.js";import"./chunk-MC5JKV5E.js";export{a as guardCommand,b as runGuard};
