import { createRequire as __steerCreateRequire } from 'node:module'; const require = __steerCreateRequire(import.meta.url);
import {
  ToolError
} from "./chunk-QPO7ZZEI.js";

// src/adapters/terraform-cli/tool-process.ts
import { spawn } from "node:child_process";
function spawnTool(bin, args, cwd, stdio) {
  const child = spawn(bin, [...args], { cwd, env: { ...process.env, TF_IN_AUTOMATION: "1", TF_INPUT: "0" }, stdio });
  const failed = new Promise((_resolve, reject) => {
    child.on("error", (e) => {
      reject(new ToolError(e.code === "ENOENT" ? `"${bin}" not found on PATH: install Terraform or OpenTofu, or pass --tf-bin` : `could not run "${bin}": ${e.message}`));
    });
  });
  failed.catch(() => void 0);
  return { child, failed };
}
function exitCode(p) {
  return Promise.race([p.failed, new Promise((resolve) => p.child.on("close", (code) => resolve(code ?? 1)))]);
}
function firstErrorLines(output, count = 3) {
  const lines = output.split("\n").map((l) => l.replace(/^[│╷╵\s]+/, "").trim()).filter(Boolean);
  const errors = lines.filter((l) => l.startsWith("Error"));
  return (errors.length > 0 ? errors : lines).slice(0, count).join(" ");
}

export {
  spawnTool,
  exitCode,
  firstErrorLines
};
