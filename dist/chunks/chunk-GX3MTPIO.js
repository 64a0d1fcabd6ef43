import { createRequire as __steerCreateRequire } from 'node:module'; const require = __steerCreateRequire(import.meta.url);
import{setFlagsFromString as e}from"node:v8";function t(){e("--wasm-tiering-budget=2000000000")}export{t as a};
