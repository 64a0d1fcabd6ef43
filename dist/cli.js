#!/usr/bin/env node
import { createRequire as __steerCreateRequire } from 'node:module'; const require = __steerCreateRequire(import.meta.url);

// src/cli/main.ts
import nodeModule from "node:module";
nodeModule.enableCompileCache?.();
if (process.argv[2] === "guard") {
  const { runGuard } = await import("./chunks/guard-776EYJRA.js");
  void runGuard(process.argv);
} else {
  const { run } = await import("./chunks/run-JPJIHRV3.js");
  void run(process.argv);
}
