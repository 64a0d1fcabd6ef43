import { createRequire as __steerCreateRequire } from 'node:module'; const require = __steerCreateRequire(import.meta.url);
var o=["claude","codex","cursor","gemini","copilot","kiro","openclaw"];export{o as a};
