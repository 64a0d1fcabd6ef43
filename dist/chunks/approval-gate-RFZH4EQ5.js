import { createRequire as __steerCreateRequire } from 'node:module'; const require = __steerCreateRequire(import.meta.url);
import{a,b}from"./chunk-4SYOFZPL.js";import"./chunk-PKW2UDNX.js";import"./chunk-DS44CWOV.js";import"./chunk-BWGA2D2W.js";import"./chunk-MC5JKV5E.js";export{b as gitHubTarget,a as requireApproval};
