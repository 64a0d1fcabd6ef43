import { createRequire as __steerCreateRequire } from 'node:module'; const require = __steerCreateRequire(import.meta.url);
import{a,b}from"./chunk-CZ36VY4X.js";import"./chunk-I5B3AZEA.js";import"./chunk-QYAJFA72.js";import"./chunk-DS44CWOV.js";import"./chunk-MC5JKV5E.js";export{b as gitHubTarget,a as requireApproval};
