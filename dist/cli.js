#!/usr/bin/env node
import { createRequire as __steerCreateRequire } from 'node:module'; const require = __steerCreateRequire(import.meta.url);

// src/cli/main.ts
import nodeModule from "node:module";
nodeModule.enableCompileCache?.();
var { run } = await import("./chunks/run-VTA5VFEU.js");
void run(process.argv);
