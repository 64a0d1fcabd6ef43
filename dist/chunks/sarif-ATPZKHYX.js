import { createRequire as __steerCreateRequire } from 'node:module'; const require = __steerCreateRequire(import.meta.url);
import{a,b,c,d,e}from"./chunk-PZNHHDN3.js";import"./chunk-VDTFFVBG.js";import"./chunk-66H552QC.js";import"./chunk-BWGA2D2W.js";import"./chunk-MC5JKV5E.js";export{c as PLACEHOLDER_CLOUDFORMATION,b as PLACEHOLDER_OUTSIDE,a as PLACEHOLDER_STDIN,e as planUri,d as renderSarif};
