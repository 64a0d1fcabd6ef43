import { createRequire as __steerCreateRequire } from 'node:module'; const require = __steerCreateRequire(import.meta.url);
import{b as e}from"./chunk-DS44CWOV.js";import{appendFileSync as o,mkdirSync as s}from"node:fs";import{dirname as c}from"node:path";function m(r,i){let n=JSON.stringify(i);try{s(c(r),{recursive:!0}),o(r,`${n}
`)}catch(t){throw new e(r,`cannot write the audit log: ${t instanceof Error?t.message:String(t)}`)}process.stderr.write(`steer audit: ${n}
`)}export{m as a};
