#!/usr/bin/env node
import { createRequire as __steerCreateRequire } from 'node:module'; const require = __steerCreateRequire(import.meta.url);
import e from"node:module";e.enableCompileCache?.();if(process.argv[2]==="guard"){let{runGuard:o}=await import("./chunks/guard-EVOKYH2Y.js");o(process.argv)}else{let{run:o}=await import("./chunks/run-KI4PMRMS.js");o(process.argv)}
