import { createRequire as __steerCreateRequire } from 'node:module'; const require = __steerCreateRequire(import.meta.url);
var e=["claude","codex","cursor","gemini","copilot","kiro","openclaw"];var r={allow:0,error:1,review:2,blocked:3},s=r.review;export{e as a,r as b,s as c};
