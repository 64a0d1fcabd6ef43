import { createRequire as __steerCreateRequire } from 'node:module'; const require = __steerCreateRequire(import.meta.url);
var e={version:1,production:{},stateful:{add:[],remove:[]},rules:[],limits:[],protected:[],approvals:{required:1,users:[],teams:[],maxAgeHours:72,signedChecks:!1},reviewers:{users:[],teams:[]},guard:{deny:[],allow:[]},agents:{logins:[]}};export{e as a};
