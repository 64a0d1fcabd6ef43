import { createRequire as __steerCreateRequire } from 'node:module'; const require = __steerCreateRequire(import.meta.url);
var e=["create","update","replace","delete","read","no-op","forget","move","import"],r="(sensitive value)",n="(known after apply)";export{e as a,r as b,n as c};
