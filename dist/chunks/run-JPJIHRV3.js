import { createRequire as __steerCreateRequire } from 'node:module'; const require = __steerCreateRequire(import.meta.url);
import {
  canonicalDigest,
  looksLikeTerraformPlan,
  looksLikeTerraformState,
  parseTerraformPlan,
  planDigest,
  reportDigest
} from "./chunk-2KCGLAFB.js";
import {
  DEFAULT_CONFIG
} from "./chunk-TLDEGVCJ.js";
import {
  ACTIONS,
  REDACTED
} from "./chunk-NLEEBJMC.js";
import {
  exitCode,
  firstErrorLines,
  spawnTool
} from "./chunk-MFGOKO7Y.js";
import {
  external_exports,
  firstIssueText
} from "./chunk-VWJEZFZ2.js";
import {
  Command,
  CommanderError,
  Option,
  RUNTIMES,
  expandInputPaths,
  guardCommand,
  inputSize,
  matchesAnyName,
  nameGlob,
  openInputStream,
  peekBytes,
  readInputBytes,
  readTextFileIfExists
} from "./chunk-HV4FSGAE.js";
import {
  ConfigError,
  InputError,
  RefusedError,
  SteerError,
  ToolError,
  UsageError
} from "./chunk-QPO7ZZEI.js";
import {
  __commonJS,
  __require,
  __toESM
} from "./chunk-QEVJJKSU.js";

// node_modules/picomatch/lib/constants.js
var require_constants = __commonJS({
  "node_modules/picomatch/lib/constants.js"(exports, module) {
    "use strict";
    var WIN_SLASH = "\\\\/";
    var WIN_NO_SLASH = `[^${WIN_SLASH}]`;
    var DEFAULT_MAX_EXTGLOB_RECURSION = 0;
    var DOT_LITERAL = "\\.";
    var PLUS_LITERAL = "\\+";
    var QMARK_LITERAL = "\\?";
    var SLASH_LITERAL = "\\/";
    var ONE_CHAR = "(?=.)";
    var QMARK = "[^/]";
    var END_ANCHOR = `(?:${SLASH_LITERAL}|$)`;
    var START_ANCHOR = `(?:^|${SLASH_LITERAL})`;
    var DOTS_SLASH = `${DOT_LITERAL}{1,2}${END_ANCHOR}`;
    var NO_DOT = `(?!${DOT_LITERAL})`;
    var NO_DOTS = `(?!${START_ANCHOR}${DOTS_SLASH})`;
    var NO_DOT_SLASH = `(?!${DOT_LITERAL}{0,1}${END_ANCHOR})`;
    var NO_DOTS_SLASH = `(?!${DOTS_SLASH})`;
    var QMARK_NO_DOT = `[^.${SLASH_LITERAL}]`;
    var STAR = `${QMARK}*?`;
    var SEP = "/";
    var POSIX_CHARS = {
      DOT_LITERAL,
      PLUS_LITERAL,
      QMARK_LITERAL,
      SLASH_LITERAL,
      ONE_CHAR,
      QMARK,
      END_ANCHOR,
      DOTS_SLASH,
      NO_DOT,
      NO_DOTS,
      NO_DOT_SLASH,
      NO_DOTS_SLASH,
      QMARK_NO_DOT,
      STAR,
      START_ANCHOR,
      SEP
    };
    var WINDOWS_CHARS = {
      ...POSIX_CHARS,
      SLASH_LITERAL: `[${WIN_SLASH}]`,
      QMARK: WIN_NO_SLASH,
      STAR: `${WIN_NO_SLASH}*?`,
      DOTS_SLASH: `${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$)`,
      NO_DOT: `(?!${DOT_LITERAL})`,
      NO_DOTS: `(?!(?:^|[${WIN_SLASH}])${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$))`,
      NO_DOT_SLASH: `(?!${DOT_LITERAL}{0,1}(?:[${WIN_SLASH}]|$))`,
      NO_DOTS_SLASH: `(?!${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$))`,
      QMARK_NO_DOT: `[^.${WIN_SLASH}]`,
      START_ANCHOR: `(?:^|[${WIN_SLASH}])`,
      END_ANCHOR: `(?:[${WIN_SLASH}]|$)`,
      SEP: "\\"
    };
    var POSIX_REGEX_SOURCE = {
      __proto__: null,
      alnum: "a-zA-Z0-9",
      alpha: "a-zA-Z",
      ascii: "\\x00-\\x7F",
      blank: " \\t",
      cntrl: "\\x00-\\x1F\\x7F",
      digit: "0-9",
      graph: "\\x21-\\x7E",
      lower: "a-z",
      print: "\\x20-\\x7E ",
      punct: "\\-!\"#$%&'()\\*+,./:;<=>?@[\\]^_`{|}~",
      space: " \\t\\r\\n\\v\\f",
      upper: "A-Z",
      word: "A-Za-z0-9_",
      xdigit: "A-Fa-f0-9"
    };
    module.exports = {
      DEFAULT_MAX_EXTGLOB_RECURSION,
      MAX_LENGTH: 1024 * 64,
      POSIX_REGEX_SOURCE,
      // regular expressions
      REGEX_BACKSLASH: /\\(?![*+?^${}(|)[\]])/g,
      REGEX_NON_SPECIAL_CHARS: /^[^@![\].,$*+?^{}()|\\/]+/,
      REGEX_SPECIAL_CHARS: /[-*+?.^${}(|)[\]]/,
      REGEX_SPECIAL_CHARS_BACKREF: /(\\?)((\W)(\3*))/g,
      REGEX_SPECIAL_CHARS_GLOBAL: /([-*+?.^${}(|)[\]])/g,
      REGEX_REMOVE_BACKSLASH: /(?:\[.*?[^\\]\]|\\(?=.))/g,
      // Replace globs with equivalent patterns to reduce parsing time.
      REPLACEMENTS: {
        __proto__: null,
        "***": "*",
        "**/**": "**",
        "**/**/**": "**"
      },
      // Digits
      CHAR_0: 48,
      /* 0 */
      CHAR_9: 57,
      /* 9 */
      // Alphabet chars.
      CHAR_UPPERCASE_A: 65,
      /* A */
      CHAR_LOWERCASE_A: 97,
      /* a */
      CHAR_UPPERCASE_Z: 90,
      /* Z */
      CHAR_LOWERCASE_Z: 122,
      /* z */
      CHAR_LEFT_PARENTHESES: 40,
      /* ( */
      CHAR_RIGHT_PARENTHESES: 41,
      /* ) */
      CHAR_ASTERISK: 42,
      /* * */
      // Non-alphabetic chars.
      CHAR_AMPERSAND: 38,
      /* & */
      CHAR_AT: 64,
      /* @ */
      CHAR_BACKWARD_SLASH: 92,
      /* \ */
      CHAR_CARRIAGE_RETURN: 13,
      /* \r */
      CHAR_CIRCUMFLEX_ACCENT: 94,
      /* ^ */
      CHAR_COLON: 58,
      /* : */
      CHAR_COMMA: 44,
      /* , */
      CHAR_DOT: 46,
      /* . */
      CHAR_DOUBLE_QUOTE: 34,
      /* " */
      CHAR_EQUAL: 61,
      /* = */
      CHAR_EXCLAMATION_MARK: 33,
      /* ! */
      CHAR_FORM_FEED: 12,
      /* \f */
      CHAR_FORWARD_SLASH: 47,
      /* / */
      CHAR_GRAVE_ACCENT: 96,
      /* ` */
      CHAR_HASH: 35,
      /* # */
      CHAR_HYPHEN_MINUS: 45,
      /* - */
      CHAR_LEFT_ANGLE_BRACKET: 60,
      /* < */
      CHAR_LEFT_CURLY_BRACE: 123,
      /* { */
      CHAR_LEFT_SQUARE_BRACKET: 91,
      /* [ */
      CHAR_LINE_FEED: 10,
      /* \n */
      CHAR_NO_BREAK_SPACE: 160,
      /* \u00A0 */
      CHAR_PERCENT: 37,
      /* % */
      CHAR_PLUS: 43,
      /* + */
      CHAR_QUESTION_MARK: 63,
      /* ? */
      CHAR_RIGHT_ANGLE_BRACKET: 62,
      /* > */
      CHAR_RIGHT_CURLY_BRACE: 125,
      /* } */
      CHAR_RIGHT_SQUARE_BRACKET: 93,
      /* ] */
      CHAR_SEMICOLON: 59,
      /* ; */
      CHAR_SINGLE_QUOTE: 39,
      /* ' */
      CHAR_SPACE: 32,
      /*   */
      CHAR_TAB: 9,
      /* \t */
      CHAR_UNDERSCORE: 95,
      /* _ */
      CHAR_VERTICAL_LINE: 124,
      /* | */
      CHAR_ZERO_WIDTH_NOBREAK_SPACE: 65279,
      /* \uFEFF */
      /**
       * Create EXTGLOB_CHARS
       */
      extglobChars(chars) {
        return {
          "!": { type: "negate", open: "(?:(?!(?:", close: `))${chars.STAR})` },
          "?": { type: "qmark", open: "(?:", close: ")?" },
          "+": { type: "plus", open: "(?:", close: ")+" },
          "*": { type: "star", open: "(?:", close: ")*" },
          "@": { type: "at", open: "(?:", close: ")" }
        };
      },
      /**
       * Create GLOB_CHARS
       */
      globChars(win32) {
        return win32 === true ? WINDOWS_CHARS : POSIX_CHARS;
      }
    };
  }
});

// node_modules/picomatch/lib/utils.js
var require_utils = __commonJS({
  "node_modules/picomatch/lib/utils.js"(exports) {
    "use strict";
    var {
      REGEX_BACKSLASH,
      REGEX_REMOVE_BACKSLASH,
      REGEX_SPECIAL_CHARS,
      REGEX_SPECIAL_CHARS_GLOBAL
    } = require_constants();
    exports.isObject = (val) => val !== null && typeof val === "object" && !Array.isArray(val);
    exports.hasRegexChars = (str2) => REGEX_SPECIAL_CHARS.test(str2);
    exports.isRegexChar = (str2) => str2.length === 1 && exports.hasRegexChars(str2);
    exports.escapeRegex = (str2) => str2.replace(REGEX_SPECIAL_CHARS_GLOBAL, "\\$1");
    exports.toPosixSlashes = (str2) => str2.replace(REGEX_BACKSLASH, "/");
    exports.isWindows = () => {
      if (typeof navigator !== "undefined" && navigator.platform) {
        const platform = navigator.platform.toLowerCase();
        return platform === "win32" || platform === "windows";
      }
      if (typeof process !== "undefined" && process.platform) {
        return process.platform === "win32";
      }
      return false;
    };
    exports.removeBackslashes = (str2) => {
      return str2.replace(REGEX_REMOVE_BACKSLASH, (match) => {
        return match === "\\" ? "" : match;
      });
    };
    exports.escapeLast = (input, char, lastIdx) => {
      const idx = input.lastIndexOf(char, lastIdx);
      if (idx === -1) return input;
      if (input[idx - 1] === "\\") return exports.escapeLast(input, char, idx - 1);
      return `${input.slice(0, idx)}\\${input.slice(idx)}`;
    };
    exports.removePrefix = (input, state = {}) => {
      let output = input;
      if (output.startsWith("./")) {
        output = output.slice(2);
        state.prefix = "./";
      }
      return output;
    };
    exports.wrapOutput = (input, state = {}, options = {}) => {
      const prepend = options.contains ? "" : "^";
      const append = options.contains ? "" : "$";
      let output = `${prepend}(?:${input})${append}`;
      if (state.negated === true) {
        output = `(?:^(?!${output}).*$)`;
      }
      return output;
    };
    exports.basename = (path, { windows } = {}) => {
      const segs = path.split(windows ? /[\\/]/ : "/");
      const last = segs[segs.length - 1];
      if (last === "") {
        return segs[segs.length - 2];
      }
      return last;
    };
  }
});

// node_modules/picomatch/lib/scan.js
var require_scan = __commonJS({
  "node_modules/picomatch/lib/scan.js"(exports, module) {
    "use strict";
    var utils = require_utils();
    var {
      CHAR_ASTERISK,
      /* * */
      CHAR_AT,
      /* @ */
      CHAR_BACKWARD_SLASH,
      /* \ */
      CHAR_COMMA,
      /* , */
      CHAR_DOT,
      /* . */
      CHAR_EXCLAMATION_MARK,
      /* ! */
      CHAR_FORWARD_SLASH,
      /* / */
      CHAR_LEFT_CURLY_BRACE,
      /* { */
      CHAR_LEFT_PARENTHESES,
      /* ( */
      CHAR_LEFT_SQUARE_BRACKET,
      /* [ */
      CHAR_PLUS,
      /* + */
      CHAR_QUESTION_MARK,
      /* ? */
      CHAR_RIGHT_CURLY_BRACE,
      /* } */
      CHAR_RIGHT_PARENTHESES,
      /* ) */
      CHAR_RIGHT_SQUARE_BRACKET
      /* ] */
    } = require_constants();
    var isPathSeparator = (code2) => {
      return code2 === CHAR_FORWARD_SLASH || code2 === CHAR_BACKWARD_SLASH;
    };
    var depth = (token) => {
      if (token.isPrefix !== true) {
        token.depth = token.isGlobstar ? Infinity : 1;
      }
    };
    var scan = (input, options) => {
      const opts = options || {};
      const length = input.length - 1;
      const scanToEnd = opts.parts === true || opts.tokens === true || opts.scanToEnd === true;
      const slashes = [];
      const tokens = [];
      const parts = [];
      let str2 = input;
      let index = -1;
      let start = 0;
      let lastIndex = 0;
      let isBrace = false;
      let isBracket = false;
      let isGlob = false;
      let isExtglob = false;
      let isGlobstar = false;
      let braceEscaped = false;
      let backslashes = false;
      let negated = false;
      let negatedExtglob = false;
      let finished = false;
      let braces = 0;
      let prev;
      let code2;
      let token = { value: "", depth: 0, isGlob: false };
      const eos = () => index >= length;
      const peek = () => str2.charCodeAt(index + 1);
      const advance = () => {
        prev = code2;
        return str2.charCodeAt(++index);
      };
      while (index < length) {
        code2 = advance();
        let next;
        if (code2 === CHAR_BACKWARD_SLASH) {
          backslashes = token.backslashes = true;
          code2 = advance();
          if (code2 === CHAR_LEFT_CURLY_BRACE) {
            braceEscaped = true;
          }
          continue;
        }
        if (braceEscaped === true || code2 === CHAR_LEFT_CURLY_BRACE) {
          braces++;
          while (eos() !== true && (code2 = advance())) {
            if (code2 === CHAR_BACKWARD_SLASH) {
              backslashes = token.backslashes = true;
              advance();
              continue;
            }
            if (code2 === CHAR_LEFT_CURLY_BRACE) {
              braces++;
              continue;
            }
            if (braceEscaped !== true && code2 === CHAR_DOT && (code2 = advance()) === CHAR_DOT) {
              isBrace = token.isBrace = true;
              isGlob = token.isGlob = true;
              finished = true;
              if (scanToEnd === true) {
                continue;
              }
              break;
            }
            if (braceEscaped !== true && code2 === CHAR_COMMA) {
              isBrace = token.isBrace = true;
              isGlob = token.isGlob = true;
              finished = true;
              if (scanToEnd === true) {
                continue;
              }
              break;
            }
            if (code2 === CHAR_RIGHT_CURLY_BRACE) {
              braces--;
              if (braces === 0) {
                braceEscaped = false;
                isBrace = token.isBrace = true;
                finished = true;
                break;
              }
            }
          }
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
        if (code2 === CHAR_FORWARD_SLASH) {
          slashes.push(index);
          tokens.push(token);
          token = { value: "", depth: 0, isGlob: false };
          if (finished === true) continue;
          if (prev === CHAR_DOT && index === start + 1) {
            start += 2;
            continue;
          }
          lastIndex = index + 1;
          continue;
        }
        if (opts.noext !== true) {
          const isExtglobChar = code2 === CHAR_PLUS || code2 === CHAR_AT || code2 === CHAR_ASTERISK || code2 === CHAR_QUESTION_MARK || code2 === CHAR_EXCLAMATION_MARK;
          if (isExtglobChar === true && peek() === CHAR_LEFT_PARENTHESES) {
            isGlob = token.isGlob = true;
            isExtglob = token.isExtglob = true;
            finished = true;
            if (code2 === CHAR_EXCLAMATION_MARK && index === start) {
              negatedExtglob = true;
            }
            if (scanToEnd === true) {
              let parens = 0;
              while (eos() !== true && (code2 = advance())) {
                if (code2 === CHAR_BACKWARD_SLASH) {
                  backslashes = token.backslashes = true;
                  advance();
                  continue;
                }
                if (code2 === CHAR_LEFT_PARENTHESES) {
                  parens++;
                  continue;
                }
                if (code2 === CHAR_RIGHT_PARENTHESES && --parens === 0) {
                  finished = true;
                  break;
                }
              }
              continue;
            }
            break;
          }
        }
        if (code2 === CHAR_ASTERISK) {
          if (prev === CHAR_ASTERISK) isGlobstar = token.isGlobstar = true;
          isGlob = token.isGlob = true;
          finished = true;
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
        if (code2 === CHAR_QUESTION_MARK) {
          isGlob = token.isGlob = true;
          finished = true;
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
        if (code2 === CHAR_LEFT_SQUARE_BRACKET) {
          while (eos() !== true && (next = advance())) {
            if (next === CHAR_BACKWARD_SLASH) {
              backslashes = token.backslashes = true;
              advance();
              continue;
            }
            if (next === CHAR_RIGHT_SQUARE_BRACKET) {
              isBracket = token.isBracket = true;
              isGlob = token.isGlob = true;
              finished = true;
              break;
            }
          }
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
        if (opts.nonegate !== true && code2 === CHAR_EXCLAMATION_MARK && index === start) {
          negated = token.negated = true;
          start++;
          continue;
        }
        if (opts.noparen !== true && code2 === CHAR_LEFT_PARENTHESES) {
          isGlob = token.isGlob = true;
          if (scanToEnd === true) {
            let parens = 1;
            while (eos() !== true && (code2 = advance())) {
              if (code2 === CHAR_BACKWARD_SLASH) {
                backslashes = token.backslashes = true;
                advance();
                continue;
              }
              if (code2 === CHAR_LEFT_PARENTHESES) {
                parens++;
                continue;
              }
              if (code2 === CHAR_RIGHT_PARENTHESES && --parens === 0) {
                finished = true;
                break;
              }
            }
            continue;
          }
          break;
        }
        if (isGlob === true) {
          finished = true;
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
      }
      if (opts.noext === true) {
        isExtglob = false;
        isGlob = false;
      }
      let base = str2;
      let prefix = "";
      let glob = "";
      if (start > 0) {
        prefix = str2.slice(0, start);
        str2 = str2.slice(start);
        lastIndex -= start;
      }
      if (base && isGlob === true && lastIndex > 0) {
        base = str2.slice(0, lastIndex);
        glob = str2.slice(lastIndex);
      } else if (isGlob === true) {
        base = "";
        glob = str2;
      } else {
        base = str2;
      }
      if (base && base !== "" && base !== "/" && base !== str2) {
        if (isPathSeparator(base.charCodeAt(base.length - 1))) {
          base = base.slice(0, -1);
        }
      }
      if (opts.unescape === true) {
        if (glob) glob = utils.removeBackslashes(glob);
        if (base && backslashes === true) {
          base = utils.removeBackslashes(base);
        }
      }
      const state = {
        prefix,
        input,
        start,
        base,
        glob,
        isBrace,
        isBracket,
        isGlob,
        isExtglob,
        isGlobstar,
        negated,
        negatedExtglob
      };
      if (opts.tokens === true) {
        state.maxDepth = 0;
        if (!isPathSeparator(code2)) {
          tokens.push(token);
        }
        state.tokens = tokens;
      }
      if (opts.parts === true || opts.tokens === true) {
        let prevIndex;
        for (let idx = 0; idx < slashes.length; idx++) {
          const n2 = prevIndex !== void 0 ? prevIndex + 1 : start;
          const i = slashes[idx];
          const value2 = input.slice(n2, i);
          if (opts.tokens) {
            if (idx === 0 && start !== 0) {
              tokens[idx].isPrefix = true;
              tokens[idx].value = prefix;
            } else {
              tokens[idx].value = value2;
            }
            depth(tokens[idx]);
            state.maxDepth += tokens[idx].depth;
          }
          if (i >= start) {
            parts.push(value2);
            prevIndex = i;
          }
        }
        const n = prevIndex !== void 0 ? prevIndex + 1 : start;
        const value = input.slice(n);
        parts.push(value);
        if (opts.tokens && prevIndex && prevIndex + 1 < input.length) {
          tokens[tokens.length - 1].value = value;
          depth(tokens[tokens.length - 1]);
          state.maxDepth += tokens[tokens.length - 1].depth;
        }
        state.slashes = slashes;
        state.parts = parts;
      }
      return state;
    };
    module.exports = scan;
  }
});

// node_modules/picomatch/lib/parse.js
var require_parse = __commonJS({
  "node_modules/picomatch/lib/parse.js"(exports, module) {
    "use strict";
    var constants = require_constants();
    var utils = require_utils();
    var {
      MAX_LENGTH,
      POSIX_REGEX_SOURCE,
      REGEX_NON_SPECIAL_CHARS,
      REGEX_SPECIAL_CHARS_BACKREF,
      REPLACEMENTS
    } = constants;
    var expandRange = (args, options) => {
      if (typeof options.expandRange === "function") {
        return options.expandRange(...args, options);
      }
      args.sort();
      const value = `[${args.join("-")}]`;
      try {
        new RegExp(value);
      } catch (ex) {
        return args.map((v) => utils.escapeRegex(v)).join("..");
      }
      return value;
    };
    var syntaxError = (type, char) => {
      return `Missing ${type}: "${char}" - use "\\\\${char}" to match literal characters`;
    };
    var splitTopLevel = (input) => {
      const parts = [];
      let bracket = 0;
      let paren = 0;
      let quote = 0;
      let value = "";
      let escaped = false;
      for (const ch of input) {
        if (escaped === true) {
          value += ch;
          escaped = false;
          continue;
        }
        if (ch === "\\") {
          value += ch;
          escaped = true;
          continue;
        }
        if (ch === '"') {
          quote = quote === 1 ? 0 : 1;
          value += ch;
          continue;
        }
        if (quote === 0) {
          if (ch === "[") {
            bracket++;
          } else if (ch === "]" && bracket > 0) {
            bracket--;
          } else if (bracket === 0) {
            if (ch === "(") {
              paren++;
            } else if (ch === ")" && paren > 0) {
              paren--;
            } else if (ch === "|" && paren === 0) {
              parts.push(value);
              value = "";
              continue;
            }
          }
        }
        value += ch;
      }
      parts.push(value);
      return parts;
    };
    var isPlainBranch = (branch) => {
      let escaped = false;
      for (const ch of branch) {
        if (escaped === true) {
          escaped = false;
          continue;
        }
        if (ch === "\\") {
          escaped = true;
          continue;
        }
        if (/[?*+@!()[\]{}]/.test(ch)) {
          return false;
        }
      }
      return true;
    };
    var normalizeSimpleBranch = (branch) => {
      let value = branch.trim();
      let changed = true;
      while (changed === true) {
        changed = false;
        if (/^@\([^\\()[\]{}|]+\)$/.test(value)) {
          value = value.slice(2, -1);
          changed = true;
        }
      }
      if (!isPlainBranch(value)) {
        return;
      }
      return value.replace(/\\(.)/g, "$1");
    };
    var hasRepeatedCharPrefixOverlap = (branches) => {
      const values = branches.map(normalizeSimpleBranch).filter(Boolean);
      for (let i = 0; i < values.length; i++) {
        for (let j = i + 1; j < values.length; j++) {
          const a = values[i];
          const b = values[j];
          const char = a[0];
          if (!char || a !== char.repeat(a.length) || b !== char.repeat(b.length)) {
            continue;
          }
          if (a === b || a.startsWith(b) || b.startsWith(a)) {
            return true;
          }
        }
      }
      return false;
    };
    var parseRepeatedExtglob = (pattern, requireEnd = true) => {
      if (pattern[0] !== "+" && pattern[0] !== "*" || pattern[1] !== "(") {
        return;
      }
      let bracket = 0;
      let paren = 0;
      let quote = 0;
      let escaped = false;
      for (let i = 1; i < pattern.length; i++) {
        const ch = pattern[i];
        if (escaped === true) {
          escaped = false;
          continue;
        }
        if (ch === "\\") {
          escaped = true;
          continue;
        }
        if (ch === '"') {
          quote = quote === 1 ? 0 : 1;
          continue;
        }
        if (quote === 1) {
          continue;
        }
        if (ch === "[") {
          bracket++;
          continue;
        }
        if (ch === "]" && bracket > 0) {
          bracket--;
          continue;
        }
        if (bracket > 0) {
          continue;
        }
        if (ch === "(") {
          paren++;
          continue;
        }
        if (ch === ")") {
          paren--;
          if (paren === 0) {
            if (requireEnd === true && i !== pattern.length - 1) {
              return;
            }
            return {
              type: pattern[0],
              body: pattern.slice(2, i),
              end: i
            };
          }
        }
      }
    };
    var buildCharClassStar = (chars) => {
      const source = chars.length === 1 ? utils.escapeRegex(chars[0]) : `[${chars.map((ch) => utils.escapeRegex(ch)).join("")}]`;
      return `${source}*`;
    };
    var getStarExtglobSequenceChars = (pattern) => {
      let index = 0;
      const chars = [];
      while (index < pattern.length) {
        const match = parseRepeatedExtglob(pattern.slice(index), false);
        if (!match || match.type !== "*") {
          return;
        }
        const branches = splitTopLevel(match.body).map((branch2) => branch2.trim());
        if (branches.length !== 1) {
          return;
        }
        const branch = normalizeSimpleBranch(branches[0]);
        if (!branch || branch.length !== 1) {
          return;
        }
        chars.push(branch);
        index += match.end + 1;
      }
      if (chars.length < 1) {
        return;
      }
      return chars;
    };
    var repeatedExtglobRecursion = (pattern) => {
      let depth = 0;
      let value = pattern.trim();
      let match = parseRepeatedExtglob(value);
      while (match) {
        depth++;
        value = match.body.trim();
        match = parseRepeatedExtglob(value);
      }
      return depth;
    };
    var analyzeRepeatedExtglob = (body, options) => {
      if (options.maxExtglobRecursion === false) {
        return { risky: false };
      }
      const max = typeof options.maxExtglobRecursion === "number" ? options.maxExtglobRecursion : constants.DEFAULT_MAX_EXTGLOB_RECURSION;
      const branches = splitTopLevel(body).map((branch) => branch.trim());
      if (branches.length > 1) {
        if (branches.some((branch) => branch === "") || branches.some((branch) => /^[*?]+$/.test(branch)) || hasRepeatedCharPrefixOverlap(branches)) {
          return { risky: true };
        }
      }
      const safeChars = [];
      let sawStarSequence = false;
      let combinable = true;
      for (const branch of branches) {
        const chars = getStarExtglobSequenceChars(branch);
        if (chars) {
          sawStarSequence = true;
          safeChars.push(...chars);
          continue;
        }
        const literal = normalizeSimpleBranch(branch);
        if (literal && literal.length === 1) {
          safeChars.push(literal);
          continue;
        }
        combinable = false;
        if (repeatedExtglobRecursion(branch) > max) {
          return { risky: true };
        }
      }
      if (sawStarSequence) {
        return combinable ? { risky: true, safeOutput: buildCharClassStar([...new Set(safeChars)]) } : { risky: true };
      }
      return { risky: false };
    };
    var parse = (input, options) => {
      if (typeof input !== "string") {
        throw new TypeError("Expected a string");
      }
      input = REPLACEMENTS[input] || input;
      const opts = { ...options };
      const max = typeof opts.maxLength === "number" ? Math.min(MAX_LENGTH, opts.maxLength) : MAX_LENGTH;
      let len = input.length;
      if (len > max) {
        throw new SyntaxError(`Input length: ${len}, exceeds maximum allowed length: ${max}`);
      }
      const bos = { type: "bos", value: "", output: opts.prepend || "" };
      const tokens = [bos];
      const capture = opts.capture ? "" : "?:";
      const PLATFORM_CHARS = constants.globChars(opts.windows);
      const EXTGLOB_CHARS = constants.extglobChars(PLATFORM_CHARS);
      const {
        DOT_LITERAL,
        PLUS_LITERAL,
        SLASH_LITERAL,
        ONE_CHAR,
        DOTS_SLASH,
        NO_DOT,
        NO_DOT_SLASH,
        NO_DOTS_SLASH,
        QMARK,
        QMARK_NO_DOT,
        STAR,
        START_ANCHOR
      } = PLATFORM_CHARS;
      const globstar = (opts2) => {
        return `(${capture}(?:(?!${START_ANCHOR}${opts2.dot ? DOTS_SLASH : DOT_LITERAL}).)*?)`;
      };
      const nodot = opts.dot ? "" : NO_DOT;
      const qmarkNoDot = opts.dot ? QMARK : QMARK_NO_DOT;
      let star = opts.bash === true ? globstar(opts) : STAR;
      if (opts.capture) {
        star = `(${star})`;
      }
      if (typeof opts.noext === "boolean") {
        opts.noextglob = opts.noext;
      }
      const state = {
        input,
        index: -1,
        start: 0,
        dot: opts.dot === true,
        consumed: "",
        output: "",
        prefix: "",
        backtrack: false,
        negated: false,
        brackets: 0,
        braces: 0,
        parens: 0,
        quotes: 0,
        globstar: false,
        tokens
      };
      input = utils.removePrefix(input, state);
      len = input.length;
      const extglobs = [];
      const braces = [];
      const stack = [];
      let prev = bos;
      let value;
      const eos = () => state.index === len - 1;
      const peek = state.peek = (n = 1) => input[state.index + n];
      const advance = state.advance = () => input[++state.index] || "";
      const remaining = () => input.slice(state.index + 1);
      const consume = (value2 = "", num = 0) => {
        state.consumed += value2;
        state.index += num;
      };
      const append = (token) => {
        state.output += token.output != null ? token.output : token.value;
        consume(token.value);
      };
      const negate = () => {
        let count = 1;
        while (peek() === "!" && (peek(2) !== "(" || peek(3) === "?")) {
          advance();
          state.start++;
          count++;
        }
        if (count % 2 === 0) {
          return false;
        }
        state.negated = true;
        state.start++;
        return true;
      };
      const increment = (type) => {
        state[type]++;
        stack.push(type);
      };
      const decrement = (type) => {
        state[type]--;
        stack.pop();
      };
      const push = (tok) => {
        if (prev.type === "globstar") {
          const isBrace = state.braces > 0 && (tok.type === "comma" || tok.type === "brace");
          const isExtglob = tok.extglob === true || extglobs.length && (tok.type === "pipe" || tok.type === "paren");
          if (tok.type !== "slash" && tok.type !== "paren" && !isBrace && !isExtglob) {
            state.output = state.output.slice(0, -prev.output.length);
            prev.type = "star";
            prev.value = "*";
            prev.output = star;
            state.output += prev.output;
          }
        }
        if (extglobs.length && tok.type !== "paren") {
          extglobs[extglobs.length - 1].inner += tok.value;
        }
        if (tok.value || tok.output) append(tok);
        if (prev && prev.type === "text" && tok.type === "text") {
          prev.output = (prev.output || prev.value) + tok.value;
          prev.value += tok.value;
          return;
        }
        tok.prev = prev;
        tokens.push(tok);
        prev = tok;
      };
      const extglobOpen = (type, value2) => {
        const token = { ...EXTGLOB_CHARS[value2], conditions: 1, inner: "" };
        token.prev = prev;
        token.parens = state.parens;
        token.output = state.output;
        token.startIndex = state.index;
        token.tokensIndex = tokens.length;
        const output = (opts.capture ? "(" : "") + token.open;
        increment("parens");
        push({ type, value: value2, output: state.output ? "" : ONE_CHAR });
        push({ type: "paren", extglob: true, value: advance(), output });
        extglobs.push(token);
      };
      const extglobClose = (token) => {
        const literal = input.slice(token.startIndex, state.index + 1);
        const body = input.slice(token.startIndex + 2, state.index);
        const analysis = analyzeRepeatedExtglob(body, opts);
        if ((token.type === "plus" || token.type === "star") && analysis.risky) {
          const safeOutput = analysis.safeOutput ? (token.output ? "" : ONE_CHAR) + (opts.capture ? `(${analysis.safeOutput})` : analysis.safeOutput) : void 0;
          const open = tokens[token.tokensIndex];
          open.type = "text";
          open.value = literal;
          open.output = safeOutput || utils.escapeRegex(literal);
          for (let i = token.tokensIndex + 1; i < tokens.length; i++) {
            tokens[i].value = "";
            tokens[i].output = "";
            delete tokens[i].suffix;
          }
          state.output = token.output + open.output;
          state.backtrack = true;
          push({ type: "paren", extglob: true, value, output: "" });
          decrement("parens");
          return;
        }
        let output = token.close + (opts.capture ? ")" : "");
        let rest;
        if (token.type === "negate") {
          let extglobStar = star;
          if (token.inner && token.inner.length > 1 && token.inner.includes("/")) {
            extglobStar = globstar(opts);
          }
          if (extglobStar !== star || eos() || /^\)+$/.test(remaining())) {
            output = token.close = `)$))${extglobStar}`;
          }
          if (token.inner.includes("*") && (rest = remaining()) && /^\.[^\\/.]+$/.test(rest)) {
            const expression = parse(rest, { ...options, fastpaths: false }).output;
            output = token.close = `)${expression})${extglobStar})`;
          }
          if (token.prev.type === "bos") {
            state.negatedExtglob = true;
          }
        }
        push({ type: "paren", extglob: true, value, output });
        decrement("parens");
      };
      if (opts.fastpaths !== false && !/(^[*!]|[/()[\]{}"])/.test(input)) {
        let backslashes = false;
        let output = input.replace(REGEX_SPECIAL_CHARS_BACKREF, (m, esc, chars, first, rest, index) => {
          if (first === "\\") {
            backslashes = true;
            return m;
          }
          if (first === "?") {
            if (esc) {
              return esc + first + (rest ? QMARK.repeat(rest.length) : "");
            }
            if (index === 0) {
              return qmarkNoDot + (rest ? QMARK.repeat(rest.length) : "");
            }
            return QMARK.repeat(chars.length);
          }
          if (first === ".") {
            return DOT_LITERAL.repeat(chars.length);
          }
          if (first === "*") {
            if (esc) {
              return esc + first + (rest ? star : "");
            }
            return star;
          }
          return esc ? m : `\\${m}`;
        });
        if (backslashes === true) {
          if (opts.unescape === true) {
            output = output.replace(/\\/g, "");
          } else {
            output = output.replace(/\\+/g, (m) => {
              return m.length % 2 === 0 ? "\\\\" : m ? "\\" : "";
            });
          }
        }
        if (output === input && opts.contains === true) {
          state.output = input;
          return state;
        }
        state.output = utils.wrapOutput(output, state, options);
        return state;
      }
      while (!eos()) {
        value = advance();
        if (value === "\0") {
          continue;
        }
        if (value === "\\") {
          const next = peek();
          if (next === "/" && opts.bash !== true) {
            continue;
          }
          if (next === "." || next === ";") {
            continue;
          }
          if (!next) {
            value += "\\";
            push({ type: "text", value });
            continue;
          }
          const match = /^\\+/.exec(remaining());
          let slashes = 0;
          if (match && match[0].length > 2) {
            slashes = match[0].length;
            state.index += slashes;
            if (slashes % 2 !== 0) {
              value += "\\";
            }
          }
          if (opts.unescape === true) {
            value = advance();
          } else {
            value += advance();
          }
          if (state.brackets === 0) {
            push({ type: "text", value });
            continue;
          }
        }
        if (state.brackets > 0 && (value !== "]" || prev.value === "[" || prev.value === "[^")) {
          if (opts.posix !== false && value === ":") {
            const inner = prev.value.slice(1);
            if (inner.includes("[")) {
              prev.posix = true;
              if (inner.includes(":")) {
                const idx = prev.value.lastIndexOf("[");
                const pre = prev.value.slice(0, idx);
                const rest2 = prev.value.slice(idx + 2);
                const posix = POSIX_REGEX_SOURCE[rest2];
                if (posix) {
                  prev.value = pre + posix;
                  state.backtrack = true;
                  advance();
                  if (!bos.output && tokens.indexOf(prev) === 1) {
                    bos.output = ONE_CHAR;
                  }
                  continue;
                }
              }
            }
          }
          if (value === "[" && peek() !== ":" || value === "-" && peek() === "]") {
            value = `\\${value}`;
          }
          if (value === "]" && (prev.value === "[" || prev.value === "[^")) {
            value = `\\${value}`;
          }
          if (opts.posix === true && value === "!" && prev.value === "[") {
            value = "^";
          }
          prev.value += value;
          append({ value });
          continue;
        }
        if (state.quotes === 1 && value !== '"') {
          value = utils.escapeRegex(value);
          prev.value += value;
          append({ value });
          continue;
        }
        if (value === '"') {
          state.quotes = state.quotes === 1 ? 0 : 1;
          if (opts.keepQuotes === true) {
            push({ type: "text", value });
          }
          continue;
        }
        if (value === "(") {
          increment("parens");
          push({ type: "paren", value });
          continue;
        }
        if (value === ")") {
          if (state.parens === 0 && opts.strictBrackets === true) {
            throw new SyntaxError(syntaxError("opening", "("));
          }
          const extglob = extglobs[extglobs.length - 1];
          if (extglob && state.parens === extglob.parens + 1) {
            extglobClose(extglobs.pop());
            continue;
          }
          push({ type: "paren", value, output: state.parens ? ")" : "\\)" });
          decrement("parens");
          continue;
        }
        if (value === "[") {
          if (opts.nobracket === true || !remaining().includes("]")) {
            if (opts.nobracket !== true && opts.strictBrackets === true) {
              throw new SyntaxError(syntaxError("closing", "]"));
            }
            value = `\\${value}`;
          } else {
            increment("brackets");
          }
          push({ type: "bracket", value });
          continue;
        }
        if (value === "]") {
          if (opts.nobracket === true || prev && prev.type === "bracket" && prev.value.length === 1) {
            push({ type: "text", value, output: `\\${value}` });
            continue;
          }
          if (state.brackets === 0) {
            if (opts.strictBrackets === true) {
              throw new SyntaxError(syntaxError("opening", "["));
            }
            push({ type: "text", value, output: `\\${value}` });
            continue;
          }
          decrement("brackets");
          const prevValue = prev.value.slice(1);
          if (prev.posix !== true && prevValue[0] === "^" && !prevValue.includes("/")) {
            value = `/${value}`;
          }
          prev.value += value;
          append({ value });
          if (opts.literalBrackets === false || utils.hasRegexChars(prevValue)) {
            continue;
          }
          const escaped = utils.escapeRegex(prev.value);
          state.output = state.output.slice(0, -prev.value.length);
          if (opts.literalBrackets === true) {
            state.output += escaped;
            prev.value = escaped;
            continue;
          }
          prev.value = `(${capture}${escaped}|${prev.value})`;
          state.output += prev.value;
          continue;
        }
        if (value === "{" && opts.nobrace !== true) {
          increment("braces");
          const open = {
            type: "brace",
            value,
            output: "(",
            outputIndex: state.output.length,
            tokensIndex: state.tokens.length
          };
          braces.push(open);
          push(open);
          continue;
        }
        if (value === "}") {
          const brace = braces[braces.length - 1];
          if (opts.nobrace === true || !brace) {
            push({ type: "text", value, output: value });
            continue;
          }
          let output = ")";
          if (brace.dots === true) {
            const arr = tokens.slice();
            const range = [];
            for (let i = arr.length - 1; i >= 0; i--) {
              tokens.pop();
              if (arr[i].type === "brace") {
                break;
              }
              if (arr[i].type !== "dots") {
                range.unshift(arr[i].value);
              }
            }
            output = expandRange(range, opts);
            state.backtrack = true;
          }
          if (brace.comma !== true && brace.dots !== true) {
            const out = state.output.slice(0, brace.outputIndex);
            const toks = state.tokens.slice(brace.tokensIndex);
            brace.value = brace.output = "\\{";
            value = output = "\\}";
            state.output = out;
            for (const t of toks) {
              state.output += t.output || t.value;
            }
          }
          push({ type: "brace", value, output });
          decrement("braces");
          braces.pop();
          continue;
        }
        if (value === "|") {
          if (extglobs.length > 0) {
            extglobs[extglobs.length - 1].conditions++;
          }
          push({ type: "text", value });
          continue;
        }
        if (value === ",") {
          let output = value;
          const brace = braces[braces.length - 1];
          if (brace && stack[stack.length - 1] === "braces") {
            brace.comma = true;
            output = "|";
          }
          push({ type: "comma", value, output });
          continue;
        }
        if (value === "/") {
          if (prev.type === "dot" && state.index === state.start + 1) {
            state.start = state.index + 1;
            state.consumed = "";
            state.output = "";
            tokens.pop();
            prev = bos;
            continue;
          }
          push({ type: "slash", value, output: SLASH_LITERAL });
          continue;
        }
        if (value === ".") {
          if (state.braces > 0 && prev.type === "dot") {
            if (prev.value === ".") prev.output = DOT_LITERAL;
            const brace = braces[braces.length - 1];
            prev.type = "dots";
            prev.output += value;
            prev.value += value;
            brace.dots = true;
            continue;
          }
          if (state.braces + state.parens === 0 && prev.type !== "bos" && prev.type !== "slash") {
            push({ type: "text", value, output: DOT_LITERAL });
            continue;
          }
          push({ type: "dot", value, output: DOT_LITERAL });
          continue;
        }
        if (value === "?") {
          const isGroup = prev && prev.value === "(";
          if (!isGroup && opts.noextglob !== true && peek() === "(" && peek(2) !== "?") {
            extglobOpen("qmark", value);
            continue;
          }
          if (prev && prev.type === "paren") {
            const next = peek();
            let output = value;
            if (prev.value === "(" && !/[!=<:]/.test(next) || next === "<" && !/<([!=]|\w+>)/.test(remaining())) {
              output = `\\${value}`;
            }
            push({ type: "text", value, output });
            continue;
          }
          if (opts.dot !== true && (prev.type === "slash" || prev.type === "bos")) {
            push({ type: "qmark", value, output: QMARK_NO_DOT });
            continue;
          }
          push({ type: "qmark", value, output: QMARK });
          continue;
        }
        if (value === "!") {
          if (opts.noextglob !== true && peek() === "(") {
            if (peek(2) !== "?" || !/[!=<:]/.test(peek(3))) {
              extglobOpen("negate", value);
              continue;
            }
          }
          if (opts.nonegate !== true && state.index === 0) {
            negate();
            continue;
          }
        }
        if (value === "+") {
          if (opts.noextglob !== true && peek() === "(" && peek(2) !== "?") {
            extglobOpen("plus", value);
            continue;
          }
          if (prev && prev.value === "(" || opts.regex === false) {
            push({ type: "plus", value, output: PLUS_LITERAL });
            continue;
          }
          if (prev && (prev.type === "bracket" || prev.type === "paren" || prev.type === "brace") || state.parens > 0) {
            push({ type: "plus", value });
            continue;
          }
          push({ type: "plus", value: PLUS_LITERAL });
          continue;
        }
        if (value === "@") {
          if (opts.noextglob !== true && peek() === "(" && peek(2) !== "?") {
            push({ type: "at", extglob: true, value, output: "" });
            continue;
          }
          push({ type: "text", value });
          continue;
        }
        if (value !== "*") {
          if (value === "$" || value === "^") {
            value = `\\${value}`;
          }
          const match = REGEX_NON_SPECIAL_CHARS.exec(remaining());
          if (match) {
            value += match[0];
            state.index += match[0].length;
          }
          push({ type: "text", value });
          continue;
        }
        if (prev && (prev.type === "globstar" || prev.star === true)) {
          prev.type = "star";
          prev.star = true;
          prev.value += value;
          prev.output = star;
          state.backtrack = true;
          state.globstar = true;
          consume(value);
          continue;
        }
        let rest = remaining();
        if (opts.noextglob !== true && /^\([^?]/.test(rest)) {
          extglobOpen("star", value);
          continue;
        }
        if (prev.type === "star") {
          if (opts.noglobstar === true) {
            consume(value);
            continue;
          }
          const prior = prev.prev;
          const before = prior.prev;
          const isStart = prior.type === "slash" || prior.type === "bos";
          const afterStar = before && (before.type === "star" || before.type === "globstar");
          if (opts.bash === true && (!isStart || rest[0] && rest[0] !== "/")) {
            push({ type: "star", value, output: "" });
            continue;
          }
          const isBrace = state.braces > 0 && (prior.type === "comma" || prior.type === "brace");
          const isExtglob = extglobs.length && (prior.type === "pipe" || prior.type === "paren");
          if (!isStart && prior.type !== "paren" && !isBrace && !isExtglob) {
            push({ type: "star", value, output: "" });
            continue;
          }
          while (rest.slice(0, 3) === "/**") {
            const after = input[state.index + 4];
            if (after && after !== "/") {
              break;
            }
            rest = rest.slice(3);
            consume("/**", 3);
          }
          const isEnd = eos() || state.parens > 0 && rest === ")".repeat(state.parens) && !extglobs.some((extglob) => extglob.type === "negate");
          if (prior.type === "bos" && eos()) {
            prev.type = "globstar";
            prev.value += value;
            prev.output = globstar(opts);
            state.output = prev.output;
            state.globstar = true;
            consume(value);
            continue;
          }
          if (prior.type === "slash" && prior.prev.type !== "bos" && !afterStar && isEnd) {
            state.output = state.output.slice(0, -(prior.output + prev.output).length);
            prior.output = `(?:${prior.output}`;
            prev.type = "globstar";
            prev.output = globstar(opts) + (opts.strictSlashes ? ")" : "|$)");
            prev.value += value;
            state.globstar = true;
            state.output += prior.output + prev.output;
            consume(value);
            continue;
          }
          if (prior.type === "slash" && prior.prev.type !== "bos" && rest[0] === "/") {
            const end = rest[1] !== void 0 ? "|$" : "";
            state.output = state.output.slice(0, -(prior.output + prev.output).length);
            prior.output = `(?:${prior.output}`;
            prev.type = "globstar";
            prev.output = `${globstar(opts)}${SLASH_LITERAL}|${SLASH_LITERAL}${end})`;
            prev.value += value;
            state.output += prior.output + prev.output;
            state.globstar = true;
            consume(value + advance());
            push({ type: "slash", value: "/", output: "" });
            continue;
          }
          if (prior.type === "bos" && rest[0] === "/") {
            prev.type = "globstar";
            prev.value += value;
            prev.output = `(?:^|${SLASH_LITERAL}|${globstar(opts)}${SLASH_LITERAL})`;
            state.output = prev.output;
            state.globstar = true;
            consume(value + advance());
            push({ type: "slash", value: "/", output: "" });
            continue;
          }
          state.output = state.output.slice(0, -prev.output.length);
          prev.type = "globstar";
          prev.output = globstar(opts);
          prev.value += value;
          state.output += prev.output;
          state.globstar = true;
          consume(value);
          continue;
        }
        const token = { type: "star", value, output: star };
        if (opts.bash === true) {
          token.output = ".*?";
          if (prev.type === "bos" || prev.type === "slash") {
            token.output = nodot + token.output;
          }
          push(token);
          continue;
        }
        if (prev && (prev.type === "bracket" || prev.type === "paren") && opts.regex === true) {
          token.output = value;
          push(token);
          continue;
        }
        if (state.index === state.start || prev.type === "slash" || prev.type === "dot") {
          if (prev.type === "dot") {
            state.output += NO_DOT_SLASH;
            prev.output += NO_DOT_SLASH;
          } else if (opts.dot === true) {
            state.output += NO_DOTS_SLASH;
            prev.output += NO_DOTS_SLASH;
          } else {
            state.output += nodot;
            prev.output += nodot;
          }
          if (peek() !== "*") {
            state.output += ONE_CHAR;
            prev.output += ONE_CHAR;
          }
        }
        push(token);
      }
      while (state.brackets > 0) {
        if (opts.strictBrackets === true) throw new SyntaxError(syntaxError("closing", "]"));
        state.output = utils.escapeLast(state.output, "[");
        decrement("brackets");
      }
      while (state.parens > 0) {
        if (opts.strictBrackets === true) throw new SyntaxError(syntaxError("closing", ")"));
        state.output = utils.escapeLast(state.output, "(");
        decrement("parens");
      }
      while (state.braces > 0) {
        if (opts.strictBrackets === true) throw new SyntaxError(syntaxError("closing", "}"));
        state.output = utils.escapeLast(state.output, "{");
        decrement("braces");
      }
      if (opts.strictSlashes !== true && (prev.type === "star" || prev.type === "bracket")) {
        push({ type: "maybe_slash", value: "", output: `${SLASH_LITERAL}?` });
      }
      if (state.backtrack === true) {
        state.output = "";
        for (const token of state.tokens) {
          state.output += token.output != null ? token.output : token.value;
          if (token.suffix) {
            state.output += token.suffix;
          }
        }
      }
      return state;
    };
    parse.fastpaths = (input, options) => {
      const opts = { ...options };
      const max = typeof opts.maxLength === "number" ? Math.min(MAX_LENGTH, opts.maxLength) : MAX_LENGTH;
      const len = input.length;
      if (len > max) {
        throw new SyntaxError(`Input length: ${len}, exceeds maximum allowed length: ${max}`);
      }
      input = REPLACEMENTS[input] || input;
      const {
        DOT_LITERAL,
        SLASH_LITERAL,
        ONE_CHAR,
        DOTS_SLASH,
        NO_DOT,
        NO_DOTS,
        NO_DOTS_SLASH,
        STAR,
        START_ANCHOR
      } = constants.globChars(opts.windows);
      const nodot = opts.dot ? NO_DOTS : NO_DOT;
      const slashDot = opts.dot ? NO_DOTS_SLASH : NO_DOT;
      const capture = opts.capture ? "" : "?:";
      const state = { negated: false, prefix: "" };
      let star = opts.bash === true ? ".*?" : STAR;
      if (opts.capture) {
        star = `(${star})`;
      }
      const globstar = (opts2) => {
        if (opts2.noglobstar === true) return star;
        return `(${capture}(?:(?!${START_ANCHOR}${opts2.dot ? DOTS_SLASH : DOT_LITERAL}).)*?)`;
      };
      const create = (str2) => {
        switch (str2) {
          case "*":
            return `${nodot}${ONE_CHAR}${star}`;
          case ".*":
            return `${DOT_LITERAL}${ONE_CHAR}${star}`;
          case "*.*":
            return `${nodot}${star}${DOT_LITERAL}${ONE_CHAR}${star}`;
          case "*/*":
            return `${nodot}${star}${SLASH_LITERAL}${ONE_CHAR}${slashDot}${star}`;
          case "**":
            return nodot + globstar(opts);
          case "**/*":
            return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${slashDot}${ONE_CHAR}${star}`;
          case "**/*.*":
            return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${slashDot}${star}${DOT_LITERAL}${ONE_CHAR}${star}`;
          case "**/.*":
            return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${DOT_LITERAL}${ONE_CHAR}${star}`;
          default: {
            const match = /^(.*?)\.(\w+)$/.exec(str2);
            if (!match) return;
            const source2 = create(match[1]);
            if (!source2) return;
            return source2 + DOT_LITERAL + match[2];
          }
        }
      };
      const output = utils.removePrefix(input, state);
      let source = create(output);
      if (source && opts.strictSlashes !== true) {
        source += `${SLASH_LITERAL}?`;
      }
      return source;
    };
    module.exports = parse;
  }
});

// node_modules/picomatch/lib/picomatch.js
var require_picomatch = __commonJS({
  "node_modules/picomatch/lib/picomatch.js"(exports, module) {
    "use strict";
    var scan = require_scan();
    var parse = require_parse();
    var utils = require_utils();
    var constants = require_constants();
    var isObject2 = (val) => val && typeof val === "object" && !Array.isArray(val);
    var picomatch2 = (glob, options, returnState = false) => {
      if (Array.isArray(glob)) {
        const fns = glob.map((input) => picomatch2(input, options, returnState));
        const arrayMatcher = (str2) => {
          for (const isMatch of fns) {
            const state2 = isMatch(str2);
            if (state2) return state2;
          }
          return false;
        };
        return arrayMatcher;
      }
      const isState = isObject2(glob) && glob.tokens && glob.input;
      if (glob === "" || typeof glob !== "string" && !isState) {
        throw new TypeError("Expected pattern to be a non-empty string");
      }
      const opts = options || {};
      const posix = opts.windows;
      const regex = isState ? picomatch2.compileRe(glob, options) : picomatch2.makeRe(glob, options, false, true);
      const state = regex.state;
      delete regex.state;
      let isIgnored = () => false;
      if (opts.ignore) {
        const ignoreOpts = { ...options, ignore: null, onMatch: null, onResult: null };
        isIgnored = picomatch2(opts.ignore, ignoreOpts, returnState);
      }
      const matcher = (input, returnObject = false) => {
        const { isMatch, match, output } = picomatch2.test(input, regex, options, { glob, posix });
        const result = { glob, state, regex, posix, input, output, match, isMatch };
        if (typeof opts.onResult === "function") {
          opts.onResult(result);
        }
        if (isMatch === false) {
          result.isMatch = false;
          return returnObject ? result : false;
        }
        if (isIgnored(input)) {
          if (typeof opts.onIgnore === "function") {
            opts.onIgnore(result);
          }
          result.isMatch = false;
          return returnObject ? result : false;
        }
        if (typeof opts.onMatch === "function") {
          opts.onMatch(result);
        }
        return returnObject ? result : true;
      };
      if (returnState) {
        matcher.state = state;
      }
      return matcher;
    };
    picomatch2.test = (input, regex, options, { glob, posix } = {}) => {
      if (typeof input !== "string") {
        throw new TypeError("Expected input to be a string");
      }
      if (input === "") {
        return { isMatch: false, output: "" };
      }
      const opts = options || {};
      const format = opts.format || (posix ? utils.toPosixSlashes : null);
      let match = input === glob;
      let output = match && format ? format(input) : input;
      if (match === false) {
        output = format ? format(input) : input;
        match = output === glob;
      }
      if (match === false || opts.capture === true) {
        if (opts.matchBase === true || opts.basename === true) {
          match = picomatch2.matchBase(input, regex, options, posix);
        } else {
          match = regex.exec(output);
        }
      }
      return { isMatch: Boolean(match), match, output };
    };
    picomatch2.matchBase = (input, glob, options, posix = options && options.windows) => {
      const regex = glob instanceof RegExp ? glob : picomatch2.makeRe(glob, options);
      return regex.test(utils.basename(input, { windows: posix }));
    };
    picomatch2.isMatch = (str2, patterns, options) => picomatch2(patterns, options)(str2);
    picomatch2.parse = (pattern, options) => {
      if (Array.isArray(pattern)) return pattern.map((p) => picomatch2.parse(p, options));
      return parse(pattern, { ...options, fastpaths: false });
    };
    picomatch2.scan = (input, options) => scan(input, options);
    picomatch2.compileRe = (state, options, returnOutput = false, returnState = false) => {
      if (returnOutput === true) {
        return state.output;
      }
      const opts = options || {};
      const prepend = opts.contains ? "" : "^";
      const append = opts.contains ? "" : "$";
      let source = `${prepend}(?:${state.output})${append}`;
      if (state && state.negated === true) {
        source = `^(?!${source}).*$`;
      }
      const regex = picomatch2.toRegex(source, options);
      if (returnState === true) {
        regex.state = state;
      }
      return regex;
    };
    picomatch2.makeRe = (input, options = {}, returnOutput = false, returnState = false) => {
      if (!input || typeof input !== "string") {
        throw new TypeError("Expected a non-empty string");
      }
      let parsed = { negated: false, fastpaths: true };
      if (options.fastpaths !== false && (input[0] === "." || input[0] === "*")) {
        parsed.output = parse.fastpaths(input, options);
      }
      if (!parsed.output) {
        parsed = parse(input, options);
      }
      return picomatch2.compileRe(parsed, options, returnOutput, returnState);
    };
    picomatch2.toRegex = (source, options) => {
      try {
        const opts = options || {};
        return new RegExp(source, opts.flags || (opts.nocase ? "i" : ""));
      } catch (err) {
        if (options && options.debug === true) throw err;
        return /$^/;
      }
    };
    picomatch2.constants = constants;
    module.exports = picomatch2;
  }
});

// node_modules/picomatch/index.js
var require_picomatch2 = __commonJS({
  "node_modules/picomatch/index.js"(exports, module) {
    "use strict";
    var pico = require_picomatch();
    var utils = require_utils();
    function picomatch2(glob, options, returnState = false) {
      if (options && (options.windows === null || options.windows === void 0)) {
        options = { ...options, windows: utils.isWindows() };
      }
      return pico(glob, options, returnState);
    }
    Object.assign(picomatch2, pico);
    module.exports = picomatch2;
  }
});

// node_modules/node-sarif-builder/dist/lib/languages.js
var require_languages = __commonJS({
  "node_modules/node-sarif-builder/dist/lib/languages.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.EXTENSIONS_LANGUAGES = void 0;
    exports.EXTENSIONS_LANGUAGES = {
      1: "Groff",
      2: "Groff",
      3: "Groff",
      4: "Groff",
      5: "Groff",
      6: "Groff",
      7: "Groff",
      8: "Groff",
      9: "Groff",
      abap: "ABAP",
      asc: "Public Key",
      ash: "AGS Script",
      ampl: "AMPL",
      mod: "XML",
      g4: "ANTLR",
      apib: "API Blueprint",
      apl: "APL",
      dyalog: "APL",
      asp: "ASP",
      asax: "ASP",
      ascx: "ASP",
      ashx: "ASP",
      asmx: "ASP",
      aspx: "ASP",
      axd: "ASP",
      dats: "ATS",
      hats: "ATS",
      sats: "ATS",
      as: "ActionScript",
      adb: "Ada",
      ada: "Ada",
      ads: "Ada",
      agda: "Agda",
      als: "Alloy",
      apacheconf: "ApacheConf",
      vhost: "Nginx",
      cls: "Visual Basic",
      applescript: "AppleScript",
      scpt: "AppleScript",
      arc: "Arc",
      ino: "Arduino",
      asciidoc: "AsciiDoc",
      adoc: "AsciiDoc",
      aj: "AspectJ",
      asm: "Assembly",
      a51: "Assembly",
      inc: "SourcePawn",
      nasm: "Assembly",
      aug: "Augeas",
      ahk: "AutoHotkey",
      ahkl: "AutoHotkey",
      au3: "AutoIt",
      awk: "Awk",
      auk: "Awk",
      gawk: "Awk",
      mawk: "Awk",
      nawk: "Awk",
      bat: "Batchfile",
      cmd: "Batchfile",
      befunge: "Befunge",
      bison: "Bison",
      bb: "BlitzBasic",
      decls: "BlitzBasic",
      bmx: "BlitzMax",
      bsv: "Bluespec",
      boo: "Boo",
      b: "Limbo",
      bf: "HyPhy",
      brs: "Brightscript",
      bro: "Bro",
      c: "C",
      cats: "C",
      h: "Objective-C",
      idc: "C",
      w: "C",
      cs: "Smalltalk",
      cake: "CoffeeScript",
      cshtml: "C#",
      csx: "C#",
      cpp: "C++",
      "c++": "C++",
      cc: "C++",
      cp: "Component Pascal",
      cxx: "C++",
      "h++": "C++",
      hh: "Hack",
      hpp: "C++",
      hxx: "C++",
      inl: "C++",
      ipp: "C++",
      tcc: "C++",
      tpp: "C++",
      "c-objdump": "C-ObjDump",
      chs: "C2hs Haskell",
      clp: "CLIPS",
      cmake: "CMake",
      "cmake.in": "CMake",
      cob: "COBOL",
      cbl: "COBOL",
      ccp: "COBOL",
      cobol: "COBOL",
      cpy: "COBOL",
      css: "CSS",
      csv: "CSV",
      capnp: "Cap'n Proto",
      mss: "CartoCSS",
      ceylon: "Ceylon",
      chpl: "Chapel",
      ch: "xBase",
      ck: "ChucK",
      cirru: "Cirru",
      clw: "Clarion",
      icl: "Clean",
      dcl: "Clean",
      click: "Click",
      clj: "Clojure",
      boot: "Clojure",
      cl2: "Clojure",
      cljc: "Clojure",
      cljs: "Clojure",
      "cljs.hl": "Clojure",
      cljscm: "Clojure",
      cljx: "Clojure",
      hic: "Clojure",
      coffee: "CoffeeScript",
      _coffee: "CoffeeScript",
      cjsx: "CoffeeScript",
      cson: "CoffeeScript",
      iced: "CoffeeScript",
      cfm: "ColdFusion",
      cfml: "ColdFusion",
      cfc: "ColdFusion CFC",
      lisp: "NewLisp",
      asd: "Common Lisp",
      cl: "OpenCL",
      l: "PicoLisp",
      lsp: "NewLisp",
      ny: "Common Lisp",
      podsl: "Common Lisp",
      sexp: "Common Lisp",
      cps: "Component Pascal",
      coq: "Coq",
      v: "Verilog",
      cppobjdump: "Cpp-ObjDump",
      "c++-objdump": "Cpp-ObjDump",
      "c++objdump": "Cpp-ObjDump",
      "cpp-objdump": "Cpp-ObjDump",
      "cxx-objdump": "Cpp-ObjDump",
      creole: "Creole",
      cr: "Crystal",
      feature: "Cucumber",
      cu: "Cuda",
      cuh: "Cuda",
      cy: "Cycript",
      pyx: "Cython",
      pxd: "Cython",
      pxi: "Cython",
      d: "Makefile",
      di: "D",
      "d-objdump": "D-ObjDump",
      com: "DIGITAL Command Language",
      dm: "DM",
      zone: "DNS Zone",
      arpa: "DNS Zone",
      darcspatch: "Darcs Patch",
      dpatch: "Darcs Patch",
      dart: "Dart",
      diff: "Diff",
      patch: "Diff",
      dockerfile: "Dockerfile",
      djs: "Dogescript",
      dylan: "Dylan",
      dyl: "Dylan",
      intr: "Dylan",
      lid: "Dylan",
      E: "E",
      ecl: "ECLiPSe",
      eclxml: "ECL",
      sch: "KiCad",
      brd: "KiCad",
      epj: "Ecere Projects",
      e: "Eiffel",
      ex: "Elixir",
      exs: "Elixir",
      elm: "Elm",
      el: "Emacs Lisp",
      emacs: "Emacs Lisp",
      "emacs.desktop": "Emacs Lisp",
      em: "EmberScript",
      emberscript: "EmberScript",
      erl: "Erlang",
      es: "JavaScript",
      escript: "Erlang",
      hrl: "Erlang",
      xrl: "Erlang",
      yrl: "Erlang",
      fs: "GLSL",
      fsi: "F#",
      fsx: "F#",
      fx: "HLSL",
      flux: "FLUX",
      f90: "FORTRAN",
      f: "Forth",
      f03: "FORTRAN",
      f08: "FORTRAN",
      f77: "FORTRAN",
      f95: "FORTRAN",
      for: "Forth",
      fpp: "FORTRAN",
      factor: "Factor",
      fy: "Fancy",
      fancypack: "Fancy",
      fan: "Fantom",
      "eam.fs": "Formatted",
      fth: "Forth",
      "4th": "Forth",
      forth: "Forth",
      fr: "Text",
      frt: "Forth",
      ftl: "FreeMarker",
      g: "GAP",
      gco: "G-code",
      gcode: "G-code",
      gms: "GAMS",
      gap: "GAP",
      gd: "GDScript",
      gi: "GAP",
      tst: "Scilab",
      s: "GAS",
      ms: "MAXScript",
      glsl: "GLSL",
      fp: "GLSL",
      frag: "JavaScript",
      frg: "GLSL",
      fsh: "GLSL",
      fshader: "GLSL",
      geo: "GLSL",
      geom: "GLSL",
      glslv: "GLSL",
      gshader: "GLSL",
      shader: "GLSL",
      vert: "GLSL",
      vrx: "GLSL",
      vsh: "GLSL",
      vshader: "GLSL",
      gml: "XML",
      kid: "Genshi",
      ebuild: "Gentoo Ebuild",
      eclass: "Gentoo Eclass",
      po: "Gettext Catalog",
      pot: "Gettext Catalog",
      glf: "Glyph",
      gp: "Gnuplot",
      gnu: "Gnuplot",
      gnuplot: "Gnuplot",
      plot: "Gnuplot",
      plt: "Gnuplot",
      go: "Go",
      golo: "Golo",
      gs: "JavaScript",
      gst: "Gosu",
      gsx: "Gosu",
      vark: "Gosu",
      grace: "Grace",
      gradle: "Gradle",
      gf: "Grammatical Framework",
      graphql: "GraphQL",
      dot: "Graphviz (DOT)",
      gv: "Graphviz (DOT)",
      man: "Groff",
      "1in": "Groff",
      "1m": "Groff",
      "1x": "Groff",
      "3in": "Groff",
      "3m": "Groff",
      "3qt": "Groff",
      "3x": "Groff",
      me: "Groff",
      n: "Nemerle",
      rno: "Groff",
      roff: "Groff",
      groovy: "Groovy",
      grt: "Groovy",
      gtpl: "Groovy",
      gvy: "Groovy",
      gsp: "Groovy Server Pages",
      hcl: "HCL",
      tf: "HCL",
      hlsl: "HLSL",
      fxh: "HLSL",
      hlsli: "HLSL",
      html: "HTML",
      htm: "HTML",
      "html.hl": "HTML",
      st: "Smalltalk",
      xht: "HTML",
      xhtml: "HTML",
      mustache: "HTML+Django",
      jinja: "HTML+Django",
      eex: "HTML+EEX",
      erb: "HTML+ERB",
      "erb.deface": "HTML+ERB",
      phtml: "HTML+PHP",
      http: "HTTP",
      php: "PHP",
      haml: "Haml",
      "haml.deface": "Haml",
      handlebars: "Handlebars",
      hbs: "Handlebars",
      hb: "Harbour",
      hs: "Haskell",
      hsc: "Haskell",
      hx: "Haxe",
      hxsl: "Haxe",
      hy: "Hy",
      pro: "QMake",
      dlm: "IDL",
      ipf: "IGOR Pro",
      ini: "INI",
      cfg: "INI",
      prefs: "INI",
      properties: "INI",
      irclog: "IRC log",
      weechatlog: "IRC log",
      idr: "Idris",
      lidr: "Idris",
      ni: "Inform 7",
      i7x: "Inform 7",
      iss: "Inno Setup",
      io: "Io",
      ik: "Ioke",
      thy: "Isabelle",
      ijs: "J",
      flex: "JFlex",
      jflex: "JFlex",
      json: "JSON",
      geojson: "JSON",
      lock: "JSON",
      topojson: "JSON",
      json5: "JSON5",
      jsonld: "JSONLD",
      jq: "JSONiq",
      jsx: "JSX",
      jade: "Jade",
      j: "Objective-J",
      java: "Java",
      jsp: "Java Server Pages",
      js: "JavaScript",
      _js: "JavaScript",
      bones: "JavaScript",
      es6: "JavaScript",
      jake: "JavaScript",
      jsb: "JavaScript",
      jscad: "JavaScript",
      jsfl: "JavaScript",
      jsm: "JavaScript",
      jss: "JavaScript",
      njs: "JavaScript",
      pac: "JavaScript",
      sjs: "JavaScript",
      ssjs: "JavaScript",
      "sublime-build": "JavaScript",
      "sublime-commands": "JavaScript",
      "sublime-completions": "JavaScript",
      "sublime-keymap": "JavaScript",
      "sublime-macro": "JavaScript",
      "sublime-menu": "JavaScript",
      "sublime-mousemap": "JavaScript",
      "sublime-project": "JavaScript",
      "sublime-settings": "JavaScript",
      "sublime-theme": "JavaScript",
      "sublime-workspace": "JavaScript",
      sublime_metrics: "JavaScript",
      sublime_session: "JavaScript",
      xsjs: "JavaScript",
      xsjslib: "JavaScript",
      jl: "Julia",
      ipynb: "Jupyter Notebook",
      krl: "KRL",
      kicad_pcb: "KiCad",
      kit: "Kit",
      kt: "Kotlin",
      ktm: "Kotlin",
      kts: "Kotlin",
      lfe: "LFE",
      ll: "LLVM",
      lol: "LOLCODE",
      lsl: "LSL",
      lslp: "LSL",
      lvproj: "LabVIEW",
      lasso: "Lasso",
      las: "Lasso",
      lasso8: "Lasso",
      lasso9: "Lasso",
      ldml: "Lasso",
      latte: "Latte",
      lean: "Lean",
      hlean: "Lean",
      less: "Less",
      lex: "Lex",
      ly: "LilyPond",
      ily: "LilyPond",
      m: "Objective-C",
      ld: "Linker Script",
      lds: "Linker Script",
      liquid: "Liquid",
      lagda: "Literate Agda",
      litcoffee: "Literate CoffeeScript",
      lhs: "Literate Haskell",
      ls: "LoomScript",
      _ls: "LiveScript",
      xm: "Logos",
      x: "Logos",
      xi: "Logos",
      lgt: "Logtalk",
      logtalk: "Logtalk",
      lookml: "LookML",
      lua: "Lua",
      fcgi: "Shell",
      nse: "Lua",
      pd_lua: "Lua",
      rbxs: "Lua",
      wlua: "Lua",
      mumps: "M",
      m4: "M4Sugar",
      mcr: "MAXScript",
      mtml: "MTML",
      muf: "MUF",
      mak: "Makefile",
      mk: "Makefile",
      mkfile: "Makefile",
      mako: "Mako",
      mao: "Mako",
      md: "Markdown",
      markdown: "Markdown",
      mkd: "Markdown",
      mkdn: "Markdown",
      mkdown: "Markdown",
      ron: "Markdown",
      mask: "Mask",
      mathematica: "Mathematica",
      cdf: "Mathematica",
      ma: "Mathematica",
      mt: "Mathematica",
      nb: "Text",
      nbp: "Mathematica",
      wl: "Mathematica",
      wlt: "Mathematica",
      matlab: "Matlab",
      maxpat: "Max",
      maxhelp: "Max",
      maxproj: "Max",
      mxt: "Max",
      pat: "Max",
      mediawiki: "MediaWiki",
      wiki: "MediaWiki",
      moo: "Moocode",
      metal: "Metal",
      minid: "MiniD",
      druby: "Mirah",
      duby: "Mirah",
      mir: "Mirah",
      mirah: "Mirah",
      mo: "Modelica",
      mms: "Module Management System",
      mmk: "Module Management System",
      monkey: "Monkey",
      moon: "MoonScript",
      myt: "Myghty",
      ncl: "Text",
      nl: "NewLisp",
      nsi: "NSIS",
      nsh: "NSIS",
      axs: "NetLinx",
      axi: "NetLinx",
      "axs.erb": "NetLinx+ERB",
      "axi.erb": "NetLinx+ERB",
      nlogo: "NetLogo",
      nginxconf: "Nginx",
      nim: "Nimrod",
      nimrod: "Nimrod",
      ninja: "Ninja",
      nit: "Nit",
      nix: "Nix",
      nu: "Nu",
      numpy: "NumPy",
      numpyw: "NumPy",
      numsc: "NumPy",
      ml: "OCaml",
      eliom: "OCaml",
      eliomi: "OCaml",
      ml4: "OCaml",
      mli: "OCaml",
      mll: "OCaml",
      mly: "OCaml",
      objdump: "ObjDump",
      mm: "XML",
      sj: "Objective-J",
      omgrofl: "Omgrofl",
      opa: "Opa",
      opal: "Opal",
      opencl: "OpenCL",
      p: "OpenEdge ABL",
      scad: "OpenSCAD",
      org: "Org",
      ox: "Ox",
      oxh: "Ox",
      oxo: "Ox",
      oxygene: "Oxygene",
      oz: "Oz",
      pwn: "PAWN",
      aw: "PHP",
      ctp: "PHP",
      php3: "PHP",
      php4: "PHP",
      php5: "PHP",
      phps: "PHP",
      phpt: "PHP",
      pls: "PLSQL",
      pck: "PLSQL",
      pkb: "PLSQL",
      pks: "PLSQL",
      plb: "PLSQL",
      plsql: "PLSQL",
      sql: "SQLPL",
      pov: "POV-Ray SDL",
      pan: "Pan",
      psc: "Papyrus",
      parrot: "Parrot",
      pasm: "Parrot Assembly",
      pir: "Parrot Internal Representation",
      pas: "Pascal",
      dfm: "Pascal",
      dpr: "Pascal",
      lpr: "Pascal",
      pp: "Puppet",
      pl: "Prolog",
      al: "Perl",
      cgi: "Shell",
      perl: "Perl",
      ph: "Perl",
      plx: "Perl",
      pm: "Perl6",
      pod: "Pod",
      psgi: "Perl",
      t: "Turing",
      "6pl": "Perl6",
      "6pm": "Perl6",
      nqp: "Perl6",
      p6: "Perl6",
      p6l: "Perl6",
      p6m: "Perl6",
      pl6: "Perl6",
      pm6: "Perl6",
      pkl: "Pickle",
      pig: "PigLatin",
      pike: "Pike",
      pmod: "Pike",
      pogo: "PogoScript",
      pony: "Pony",
      ps: "PostScript",
      eps: "PostScript",
      ps1: "PowerShell",
      psd1: "PowerShell",
      psm1: "PowerShell",
      pde: "Processing",
      prolog: "Prolog",
      yap: "Prolog",
      spin: "Propeller Spin",
      proto: "Protocol Buffer",
      pub: "Public Key",
      pd: "Pure Data",
      pb: "PureBasic",
      pbi: "PureBasic",
      purs: "PureScript",
      py: "Python",
      bzl: "Python",
      gyp: "Python",
      lmi: "Python",
      pyde: "Python",
      pyp: "Python",
      pyt: "Python",
      pyw: "Python",
      rpy: "Ren'Py",
      tac: "Python",
      wsgi: "Python",
      xpy: "Python",
      pytb: "Python traceback",
      qml: "QML",
      qbs: "QML",
      pri: "QMake",
      r: "Rebol",
      rd: "R",
      rsx: "R",
      raml: "RAML",
      rdoc: "RDoc",
      rbbas: "REALbasic",
      rbfrm: "REALbasic",
      rbmnu: "REALbasic",
      rbres: "REALbasic",
      rbtbar: "REALbasic",
      rbuistate: "REALbasic",
      rhtml: "RHTML",
      rmd: "RMarkdown",
      rkt: "Racket",
      rktd: "Racket",
      rktl: "Racket",
      scrbl: "Racket",
      rl: "Ragel in Ruby Host",
      raw: "Raw token data",
      reb: "Rebol",
      r2: "Rebol",
      r3: "Rebol",
      rebol: "Rebol",
      red: "Red",
      reds: "Red",
      cw: "Redcode",
      rs: "Rust",
      rsh: "RenderScript",
      robot: "RobotFramework",
      rg: "Rouge",
      rb: "Ruby",
      builder: "Ruby",
      gemspec: "Ruby",
      god: "Ruby",
      irbrc: "Ruby",
      jbuilder: "Ruby",
      mspec: "Ruby",
      pluginspec: "XML",
      podspec: "Ruby",
      rabl: "Ruby",
      rake: "Ruby",
      rbuild: "Ruby",
      rbw: "Ruby",
      rbx: "Ruby",
      ru: "Ruby",
      ruby: "Ruby",
      thor: "Ruby",
      watchr: "Ruby",
      "rs.in": "Rust",
      sas: "SAS",
      scss: "SCSS",
      smt2: "SMT",
      smt: "SMT",
      sparql: "SPARQL",
      rq: "SPARQL",
      sqf: "SQF",
      hqf: "SQF",
      cql: "SQL",
      ddl: "SQL",
      prc: "SQL",
      tab: "SQL",
      udf: "SQL",
      viw: "SQL",
      db2: "SQLPL",
      ston: "STON",
      svg: "SVG",
      sage: "Sage",
      sagews: "Sage",
      sls: "Scheme",
      sass: "Sass",
      scala: "Scala",
      sbt: "Scala",
      sc: "SuperCollider",
      scaml: "Scaml",
      scm: "Scheme",
      sld: "Scheme",
      sps: "Scheme",
      ss: "Scheme",
      sci: "Scilab",
      sce: "Scilab",
      self: "Self",
      sh: "Shell",
      bash: "Shell",
      bats: "Shell",
      command: "Shell",
      ksh: "Shell",
      "sh.in": "Shell",
      tmux: "Shell",
      tool: "Shell",
      zsh: "Shell",
      "sh-session": "ShellSession",
      shen: "Shen",
      sl: "Slash",
      slim: "Slim",
      smali: "Smali",
      tpl: "Smarty",
      sp: "SourcePawn",
      sma: "SourcePawn",
      nut: "Squirrel",
      stan: "Stan",
      ML: "Standard ML",
      fun: "Standard ML",
      sig: "Standard ML",
      sml: "Standard ML",
      do: "Stata",
      ado: "Stata",
      doh: "Stata",
      ihlp: "Stata",
      mata: "Stata",
      matah: "Stata",
      sthlp: "Stata",
      styl: "Stylus",
      scd: "SuperCollider",
      swift: "Swift",
      sv: "SystemVerilog",
      svh: "SystemVerilog",
      vh: "SystemVerilog",
      toml: "TOML",
      txl: "TXL",
      tcl: "Tcl",
      adp: "Tcl",
      tm: "Tcl",
      tcsh: "Tcsh",
      csh: "Tcsh",
      tex: "TeX",
      aux: "TeX",
      bbx: "TeX",
      bib: "TeX",
      cbx: "TeX",
      dtx: "TeX",
      ins: "TeX",
      lbx: "TeX",
      ltx: "TeX",
      mkii: "TeX",
      mkiv: "TeX",
      mkvi: "TeX",
      sty: "TeX",
      toc: "TeX",
      tea: "Tea",
      txt: "Text",
      no: "Text",
      textile: "Textile",
      thrift: "Thrift",
      tu: "Turing",
      ttl: "Turtle",
      twig: "Twig",
      ts: "TypeScript",
      tsx: "TypeScript",
      // tsx: JSX variant of TypeScript
      upc: "Unified Parallel C",
      anim: "Unity3D Asset",
      asset: "Unity3D Asset",
      mat: "Unity3D Asset",
      meta: "Unity3D Asset",
      prefab: "Unity3D Asset",
      unity: "Unity3D Asset",
      uno: "Uno",
      uc: "UnrealScript",
      ur: "UrWeb",
      urs: "UrWeb",
      vcl: "VCL",
      vhdl: "VHDL",
      vhd: "VHDL",
      vhf: "VHDL",
      vhi: "VHDL",
      vho: "VHDL",
      vhs: "VHDL",
      vht: "VHDL",
      vhw: "VHDL",
      vala: "Vala",
      vapi: "Vala",
      veo: "Verilog",
      vim: "VimL",
      vb: "Visual Basic",
      bas: "Visual Basic",
      frm: "Visual Basic",
      frx: "Visual Basic",
      vba: "Visual Basic",
      vbhtml: "Visual Basic",
      vbs: "Visual Basic",
      volt: "Volt",
      vue: "Vue",
      owl: "Web Ontology Language",
      webidl: "WebIDL",
      x10: "X10",
      xc: "XC",
      xml: "XML",
      ant: "XML",
      axml: "XML",
      ccxml: "XML",
      clixml: "XML",
      cproject: "XML",
      csl: "XML",
      csproj: "XML",
      ct: "XML",
      dita: "XML",
      ditamap: "XML",
      ditaval: "XML",
      "dll.config": "XML",
      dotsettings: "XML",
      filters: "XML",
      fsproj: "XML",
      fxml: "XML",
      glade: "XML",
      grxml: "XML",
      iml: "XML",
      ivy: "XML",
      jelly: "XML",
      jsproj: "XML",
      kml: "XML",
      launch: "XML",
      mdpolicy: "XML",
      mxml: "XML",
      nproj: "XML",
      nuspec: "XML",
      odd: "XML",
      osm: "XML",
      plist: "XML",
      props: "XML",
      ps1xml: "XML",
      psc1: "XML",
      pt: "XML",
      rdf: "XML",
      rss: "XML",
      scxml: "XML",
      srdf: "XML",
      storyboard: "XML",
      stTheme: "XML",
      "sublime-snippet": "XML",
      targets: "XML",
      tmCommand: "XML",
      tml: "XML",
      tmLanguage: "XML",
      tmPreferences: "XML",
      tmSnippet: "XML",
      tmTheme: "XML",
      ui: "XML",
      urdf: "XML",
      ux: "XML",
      vbproj: "XML",
      vcxproj: "XML",
      vssettings: "XML",
      vxml: "XML",
      wsdl: "XML",
      wsf: "XML",
      wxi: "XML",
      wxl: "XML",
      wxs: "XML",
      x3d: "XML",
      xacro: "XML",
      xaml: "XML",
      xib: "XML",
      xlf: "XML",
      xliff: "XML",
      xmi: "XML",
      "xml.dist": "XML",
      xproj: "XML",
      xsd: "XML",
      xul: "XML",
      zcml: "XML",
      "xsp-config": "XPages",
      "xsp.metadata": "XPages",
      xpl: "XProc",
      xproc: "XProc",
      xquery: "XQuery",
      xq: "XQuery",
      xql: "XQuery",
      xqm: "XQuery",
      xqy: "XQuery",
      xs: "XS",
      xslt: "XSLT",
      xsl: "XSLT",
      xojo_code: "Xojo",
      xojo_menu: "Xojo",
      xojo_report: "Xojo",
      xojo_script: "Xojo",
      xojo_toolbar: "Xojo",
      xojo_window: "Xojo",
      xtend: "Xtend",
      yml: "YAML",
      reek: "YAML",
      rviz: "YAML",
      "sublime-syntax": "YAML",
      syntax: "YAML",
      yaml: "YAML",
      "yaml-tmlanguage": "YAML",
      yang: "YANG",
      y: "Yacc",
      yacc: "Yacc",
      yy: "Yacc",
      zep: "Zephir",
      zimpl: "Zimpl",
      zmpl: "Zimpl",
      zpl: "Zimpl",
      desktop: "desktop",
      "desktop.in": "desktop",
      ec: "eC",
      eh: "eC",
      edn: "edn",
      fish: "fish",
      mu: "mupad",
      nc: "nesC",
      ooc: "ooc",
      rst: "reStructuredText",
      rest: "reStructuredText",
      "rest.txt": "reStructuredText",
      "rst.txt": "reStructuredText",
      wisp: "wisp",
      prg: "xBase",
      prw: "xBase"
    };
  }
});

// node_modules/node-sarif-builder/dist/lib/utils.js
var require_utils2 = __commonJS({
  "node_modules/node-sarif-builder/dist/lib/utils.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.setOptionValues = setOptionValues;
    function setOptionValues(options, object) {
      for (const key of Object.keys(options)) {
        if (options[key] !== void 0) {
          object[key] = options[key];
        }
      }
      return object;
    }
  }
});

// node_modules/node-sarif-builder/dist/lib/sarif-builder.js
var require_sarif_builder = __commonJS({
  "node_modules/node-sarif-builder/dist/lib/sarif-builder.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.SarifBuilder = void 0;
    var fs_1 = __require("fs");
    var promises_1 = __require("fs/promises");
    var languages_1 = require_languages();
    var utils_1 = require_utils2();
    var SarifBuilder2 = class {
      // Initialize SARIF Log builder
      constructor(options = {}) {
        this.log = {
          $schema: "http://json.schemastore.org/sarif-2.1.0.json",
          version: "2.1.0",
          runs: []
        };
        (0, utils_1.setOptionValues)(options, this.log);
      }
      addRun(sarifRunBuilder) {
        this.log.runs.push(sarifRunBuilder.run);
      }
      generateSarifFileSync(file) {
        const sarifJsonString = this.buildSarifJsonString();
        (0, fs_1.writeFileSync)(file, sarifJsonString, "utf8");
      }
      async generateSarifFile(file) {
        const sarifJsonString = this.buildSarifJsonString();
        await (0, promises_1.writeFile)(file, sarifJsonString, "utf8");
      }
      buildSarifOutput() {
        this.log.runs = this.log.runs.map((run2) => this.completeRunFields(run2));
        return this.log;
      }
      // Build final sarif json, complete when possible
      buildSarifJsonString(options = { indent: false }) {
        this.buildSarifOutput();
        const sarifJson = options.indent ? JSON.stringify(this.log, null, 2) : JSON.stringify(this.log);
        if (sarifJson.includes("SARIF_BUILDER_INVALID")) {
          throw new Error("Your SARIF log is invalid, please solve SARIF_BUILDER_INVALID messages");
        }
        return sarifJson;
      }
      completeRunFields(run2) {
        var _a, _b, _c, _d, _e, _f;
        run2.artifacts = run2.artifacts || [];
        const existingArtifactUris = new Set(run2.artifacts.map((a) => {
          var _a2;
          return (_a2 = a === null || a === void 0 ? void 0 : a.location) === null || _a2 === void 0 ? void 0 : _a2.uri;
        }).filter(Boolean));
        for (const result of run2.results || []) {
          for (const location of result.locations || []) {
            const uri = (_b = (_a = location === null || location === void 0 ? void 0 : location.physicalLocation) === null || _a === void 0 ? void 0 : _a.artifactLocation) === null || _b === void 0 ? void 0 : _b.uri;
            if (uri && !existingArtifactUris.has(uri)) {
              const lastDot = uri.lastIndexOf(".");
              const ext = lastDot !== -1 ? uri.slice(lastDot + 1) : "";
              const language = languages_1.EXTENSIONS_LANGUAGES[ext] || "unknown";
              run2.artifacts.push({
                sourceLanguage: language,
                location: { uri }
              });
              existingArtifactUris.add(uri);
            }
          }
        }
        const artifactIndexMap = /* @__PURE__ */ new Map();
        run2.artifacts.forEach((artifact, index) => {
          var _a2;
          const uri = (_a2 = artifact === null || artifact === void 0 ? void 0 : artifact.location) === null || _a2 === void 0 ? void 0 : _a2.uri;
          if (uri) {
            artifactIndexMap.set(uri, index);
          }
        });
        const rulesIndexMap = /* @__PURE__ */ new Map();
        (((_d = (_c = run2 === null || run2 === void 0 ? void 0 : run2.tool) === null || _c === void 0 ? void 0 : _c.driver) === null || _d === void 0 ? void 0 : _d.rules) || []).forEach((rule, index) => {
          rulesIndexMap.set(rule.id, index);
        });
        for (const result of run2.results || []) {
          if (result.ruleId) {
            const ruleIndex = rulesIndexMap.get(result.ruleId);
            if (ruleIndex !== void 0) {
              result.ruleIndex = ruleIndex;
            }
          }
          if (result.locations) {
            for (const location of result.locations) {
              const uri = (_f = (_e = location === null || location === void 0 ? void 0 : location.physicalLocation) === null || _e === void 0 ? void 0 : _e.artifactLocation) === null || _f === void 0 ? void 0 : _f.uri;
              if (uri) {
                const artIndex = artifactIndexMap.get(uri);
                if (artIndex !== void 0) {
                  location.physicalLocation.artifactLocation.index = artIndex;
                }
              }
            }
          }
        }
        return run2;
      }
    };
    exports.SarifBuilder = SarifBuilder2;
  }
});

// node_modules/node-sarif-builder/dist/lib/sarif-result-builder.js
var require_sarif_result_builder = __commonJS({
  "node_modules/node-sarif-builder/dist/lib/sarif-result-builder.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.SarifResultBuilder = void 0;
    var utils_1 = require_utils2();
    var SarifResultBuilder2 = class {
      // Initialize SARIF Result builder
      constructor(options = {}) {
        this.result = {
          level: "error",
          message: {},
          ruleId: "SARIF_BUILDER_INVALID: Please send the rule Id ruleId property, or call setRuleId(ruleId)"
        };
        (0, utils_1.setOptionValues)(options, this.result);
      }
      initSimple(options) {
        this.setLevel(options.level);
        this.setMessageText(options.messageText);
        this.setRuleId(options.ruleId);
        if (options.fileUri) {
          this.setLocationArtifactUri({ uri: options.fileUri });
        }
        if (options.startLine !== null && options.startLine !== void 0) {
          const region = {
            startLine: options.startLine,
            startColumn: options.startColumn || 1,
            endLine: options.endLine || options.startLine,
            endColumn: options.endColumn || 1
          };
          if (options.startLine === 0 || options.startColumn === 0 || options.endLine === 0 || options.endColumn === 0) {
            throw new Error("Region limit can not be 0 (minimum line 1 or column 1) in " + JSON.stringify(options));
          }
          this.setLocationRegion(region);
        }
        return this;
      }
      setLevel(level) {
        this.result.level = level;
      }
      setMessageText(message) {
        this.result.message.text = message;
      }
      setRuleId(ruleId) {
        this.result.ruleId = ruleId;
      }
      setLocationRegion(region) {
        this.manageInitPhysicalLocation();
        this.result.locations[0].physicalLocation.region = region;
      }
      setLocationArtifactUri(artifactLocation) {
        this.manageInitPhysicalLocation();
        this.result.locations[0].physicalLocation.artifactLocation = artifactLocation;
      }
      manageInitLocation() {
        var _a, _b;
        if ((_b = (_a = this.result) === null || _a === void 0 ? void 0 : _a.locations) === null || _b === void 0 ? void 0 : _b.length) {
          return;
        }
        this.result.locations = [{}];
      }
      manageInitPhysicalLocation() {
        this.manageInitLocation();
        if (this.result.locations[0].physicalLocation) {
          return;
        }
        this.result.locations[0].physicalLocation = {};
      }
    };
    exports.SarifResultBuilder = SarifResultBuilder2;
  }
});

// node_modules/node-sarif-builder/dist/lib/sarif-rule-builder.js
var require_sarif_rule_builder = __commonJS({
  "node_modules/node-sarif-builder/dist/lib/sarif-rule-builder.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.SarifRuleBuilder = void 0;
    var utils_1 = require_utils2();
    var SarifRuleBuilder2 = class {
      // Initialize SARIF Run builder
      constructor(options = {}) {
        this.rule = {
          id: "SARIF_BUILDER_INVALID: Please send the rule identifier in id property, or call setRuleId(ruleId)",
          shortDescription: {
            text: "SARIF_BUILDER_INVALID: Please send the rule text in shortDescription.text property, or call setShortDescriptionText(text)"
          }
        };
        (0, utils_1.setOptionValues)(options, this.rule);
      }
      initSimple(options) {
        this.setRuleId(options.ruleId);
        if (options.shortDescriptionText) {
          this.setShortDescriptionText(options.shortDescriptionText);
        }
        if (options.fullDescriptionText) {
          this.setFullDescriptionText(options.fullDescriptionText);
        }
        if (options.helpUri) {
          this.setHelpUri(options.helpUri);
        }
        return this;
      }
      setRuleId(ruleId) {
        this.rule.id = ruleId;
      }
      setShortDescriptionText(shortDescriptionText) {
        this.rule.shortDescription.text = shortDescriptionText;
      }
      setFullDescriptionText(fullDescriptionText) {
        this.rule.fullDescription = this.rule.fullDescription || { text: "" };
        this.rule.fullDescription.text = fullDescriptionText;
      }
      setHelpUri(url) {
        this.rule.helpUri = url;
      }
    };
    exports.SarifRuleBuilder = SarifRuleBuilder2;
  }
});

// node_modules/node-sarif-builder/dist/lib/sarif-run-builder.js
var require_sarif_run_builder = __commonJS({
  "node_modules/node-sarif-builder/dist/lib/sarif-run-builder.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.SarifRunBuilder = void 0;
    var utils_1 = require_utils2();
    var SarifRunBuilder2 = class {
      // Initialize SARIF Run builder
      constructor(options = {}) {
        this.run = {
          tool: {
            driver: {
              name: process.env.npm_package_name || "SARIF_BUILDER_INVALID: Please send the tool name in tool.driver.name property, or call setToolName(name)",
              rules: []
            }
          },
          results: []
        };
        (0, utils_1.setOptionValues)(options, this.run);
      }
      initSimple(options) {
        this.setToolDriverName(options.toolDriverName);
        this.setToolDriverVersion(options.toolDriverVersion);
        if (options.url) {
          this.setToolDriverUri(options.url);
        }
        return this;
      }
      addRule(sarifRuleBuilder) {
        this.run.tool.driver.rules.push(sarifRuleBuilder.rule);
      }
      addResult(sarifResultBuilder) {
        this.run.results.push(sarifResultBuilder.result);
      }
      setToolDriverName(name) {
        this.run.tool.driver.name = name;
      }
      setToolDriverVersion(version) {
        this.run.tool.driver.version = version;
      }
      setToolDriverUri(url) {
        this.run.tool.driver.informationUri = url;
      }
    };
    exports.SarifRunBuilder = SarifRunBuilder2;
  }
});

// node_modules/node-sarif-builder/dist/index.js
var require_dist = __commonJS({
  "node_modules/node-sarif-builder/dist/index.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.SarifResultBuilder = exports.SarifRuleBuilder = exports.SarifRunBuilder = exports.SarifBuilder = void 0;
    var sarif_builder_1 = require_sarif_builder();
    Object.defineProperty(exports, "SarifBuilder", { enumerable: true, get: function() {
      return sarif_builder_1.SarifBuilder;
    } });
    var sarif_result_builder_1 = require_sarif_result_builder();
    Object.defineProperty(exports, "SarifResultBuilder", { enumerable: true, get: function() {
      return sarif_result_builder_1.SarifResultBuilder;
    } });
    var sarif_rule_builder_1 = require_sarif_rule_builder();
    Object.defineProperty(exports, "SarifRuleBuilder", { enumerable: true, get: function() {
      return sarif_rule_builder_1.SarifRuleBuilder;
    } });
    var sarif_run_builder_1 = require_sarif_run_builder();
    Object.defineProperty(exports, "SarifRunBuilder", { enumerable: true, get: function() {
      return sarif_run_builder_1.SarifRunBuilder;
    } });
  }
});

// src/adapters/github/runner-files.ts
import { appendFileSync, readFileSync } from "node:fs";
function eventPullNumber(eventPath) {
  if (!eventPath) return void 0;
  try {
    const event = JSON.parse(readFileSync(eventPath, "utf8"));
    const n = event.pull_request?.number;
    return typeof n === "number" ? n : void 0;
  } catch {
    return void 0;
  }
}

// src/adapters/fs/audit-log.ts
import { appendFileSync as appendFileSync2, mkdirSync } from "node:fs";
import { dirname } from "node:path";
function appendAudit(file, entry) {
  const line = JSON.stringify(entry);
  try {
    mkdirSync(dirname(file), { recursive: true });
    appendFileSync2(file, `${line}
`);
  } catch (e) {
    throw new InputError(file, `cannot write the audit log: ${e instanceof Error ? e.message : String(e)}`);
  }
  process.stderr.write(`steer audit: ${line}
`);
}

// src/adapters/terraform-cli/apply.ts
import { dirname as dirname2, resolve } from "node:path";
async function applySavedPlan(planPath, tfBin, cwd) {
  const proc = spawnTool(tfBin, ["apply", "-input=false", resolve(planPath)], cwd ?? dirname2(resolve(planPath)), ["ignore", "inherit", "pipe"]);
  let stderr = "";
  proc.child.stderr.on("data", (c) => {
    stderr += c.toString();
    process.stderr.write(c);
  });
  const code2 = await exitCode(proc);
  return { exitCode: code2, stale: /Saved plan is stale/i.test(stderr) };
}

// src/app/approval-gate.ts
import { createInterface } from "node:readline/promises";

// src/core/verdict.ts
var VERDICTS = ["allow", "review", "block"];
function worst(verdicts) {
  let rank = 0;
  for (const v of verdicts) rank = Math.max(rank, VERDICTS.indexOf(v));
  return VERDICTS[rank];
}
function exitCodeFor(verdict) {
  switch (verdict) {
    case "allow":
      return 0;
    case "review":
      return 2;
    case "block":
      return 3;
    default: {
      const never = verdict;
      throw new Error(`unknown verdict ${String(never)}`);
    }
  }
}

// src/core/report.ts
var FINDING_CODES = {
  "STEER-PLAN-ERRORED": "The plan errored; it is not the whole change",
  "STEER-PLAN-INCOMPLETE": "The plan is partial (targeted or deferred)",
  "STEER-DATA-LOSS": "A stateful resource on production is destroyed",
  "STEER-DESTROY-PROD": "A resource on production is deleted or replaced",
  "STEER-MAY-REPLACE-PROD": "A resource on production may be replaced",
  "STEER-REPLACE-UNKNOWN": "Whether a resource is replaced is unknown until execution",
  "STEER-FORGET-PROD": "A production resource is removed from management",
  "STEER-PROTECTED": "A protected resource is destroyed, replaced or forgotten",
  "STEER-PROTECTION-WEAKENED": "A deletion protection of a stateful resource is weakened",
  "STEER-RULE": "A steer.yml rule decided this change",
  "STEER-LIMIT": "A limit on deletions or replacements is exceeded",
  "STEER-DESTROY": "A resource outside production is deleted or replaced",
  "STEER-DRIFT": "Drift: a resource changed outside the tool",
  "STEER-INPUT-NOTE": "How the input was read",
  "STEER-NOT-EXECUTABLE": "The change set cannot be executed as it is",
  "STEER-POLICY-CHANGED": "The pull request changes the Steer policy itself",
  "STEER-WORKFLOW-CHANGED": "The pull request changes CI workflows, which can change the gate"
};
function severityVerdict(severity) {
  return severity === "info" ? "allow" : severity;
}
function isDestructive(c) {
  return c.change.destroys || c.change.mayReplace || c.change.replacementUnknown || c.change.forgets;
}

// src/app/approval-gate.ts
var TRUSTED_CHECK_APPS = ["github-actions"];
async function requireApproval(o) {
  const { report } = o;
  if (report.verdict === "block") throw new RefusedError(`the plan is blocked (digest ${report.digest}): ${report.findings[0]?.message ?? ""}`, 3);
  if (report.verdict === "allow") return { source: "not-needed", approver: "-", detail: "verdict allow needs no approval" };
  const refusals = [];
  if (o.github) {
    const found = await gitHubApproval(o, o.github);
    if ("approver" in found) return found;
    refusals.push(found.refused);
  } else {
    refusals.push("no pull request to read an approval from (--github-pr, or run in a pull_request workflow)");
  }
  if (process.stdin.isTTY && process.stderr.isTTY) return interactiveApproval(o);
  refusals.push("not a terminal, so no interactive approval");
  throw new RefusedError(`review required and no valid approval for digest ${report.digest}: ${refusals.join("; ")}`, 2);
}
async function gitHubApproval(o, g) {
  const { gitHubClient } = await import("./client-2U2CVGUJ.js");
  const { branchTip, pullHead, steerCheckFor } = await import("./approval-lookup-C7EUCC6S.js");
  const gh = gitHubClient(g.token, g.apiUrl, { retryBaseMs: Number(process.env.STEER_GITHUB_RETRY_BASE_MS ?? 1e3) });
  const head = await pullHead(gh, g.repo, g.pull);
  if (!head) return { refused: `pull request #${g.pull} has no commits` };
  const check = await steerCheckFor(gh, g.repo, head, o.report.digest);
  if (!check) return { refused: `no steer check on the head of #${g.pull} (${head.slice(0, 7)}) carries this digest: the plan changed, or the head moved, since it was reviewed` };
  if (!check.appSlug || !TRUSTED_CHECK_APPS.includes(check.appSlug)) return { refused: `the steer check on #${g.pull} was not created by GitHub Actions (${check.appSlug ?? "no app"})` };
  if (check.conclusion !== "success") return { refused: `the steer check on #${g.pull} is ${check.conclusion ?? "pending"}, not approved` };
  const age = ((o.now?.() ?? /* @__PURE__ */ new Date()).getTime() - Date.parse(check.completedAt ?? "")) / 36e5;
  if (!(age <= o.maxAgeHours)) return { refused: `the approval on #${g.pull} is ${Number.isFinite(age) ? `${age.toFixed(1)} h` : "of unknown age"} old (limit ${o.maxAgeHours} h): review again` };
  const base = /base `([^`]+)` at `([0-9a-f]{40})`/.exec(check.summary ?? "");
  if (!base) return { refused: `the steer check on #${g.pull} does not record its base branch: run the PR gate again` };
  const tip = await branchTip(gh, g.repo, base[1]);
  if (tip !== base[2]) return { refused: `the base branch ${base[1]} moved since the plan was approved (${base[2].slice(0, 7)} \u2192 ${tip?.slice(0, 7) ?? "gone"}): update the pull request and plan again` };
  const approver = /^Approved by (.+)$/.exec(check.title ?? "")?.[1] ?? "unknown";
  return { source: "github", approver, detail: `steer check on pull request #${g.pull} at ${head}` };
}
async function interactiveApproval(o) {
  const risky = o.report.plans.flatMap((p) => p.changes.filter(isDestructive));
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    process.stderr.write(`
${risky.length} destructive change(s) above. Digest ${o.report.digest}.
`);
    const typed = (await rl.question(`Type the name "${o.confirmName}" to approve and execute this exact plan: `)).trim();
    if (typed !== o.confirmName) throw new RefusedError(`"${typed}" is not "${o.confirmName}": not approved`, 2);
    return { source: "interactive", approver: process.env.USER ?? "terminal user", detail: `typed "${o.confirmName}" on a terminal` };
  } finally {
    rl.close();
  }
}
function gitHubTarget(pullOption, env, eventPull) {
  const pull = pullOption !== void 0 ? Number(pullOption) : eventPull;
  if (pull === void 0) return void 0;
  if (!Number.isInteger(pull) || pull <= 0) throw new UsageError(`--github-pr expects a pull request number, got "${pullOption}"`);
  const token = env.GITHUB_TOKEN ?? env.GH_TOKEN;
  const [owner, repo] = (env.GITHUB_REPOSITORY ?? "").split("/");
  if (!token || !owner || !repo) throw new UsageError("reading a GitHub approval needs GITHUB_TOKEN (or GH_TOKEN) and GITHUB_REPOSITORY");
  return { token, apiUrl: env.GITHUB_API_URL ?? "https://api.github.com", repo: { owner, repo }, pull };
}

// src/adapters/terraform-cli/show.ts
import { basename, dirname as dirname3, resolve as resolve2 } from "node:path";
var toolOf = (tfBin) => /tofu/i.test(basename(tfBin)) ? "opentofu" : "terraform";
async function showSavedPlan(planPath, tfBin, cwd) {
  const { stdout, done } = streamSavedPlan(planPath, tfBin, cwd);
  const chunks = [];
  stdout.on("data", (c) => chunks.push(c));
  await done;
  return { text: Buffer.concat(chunks).toString("utf8"), tool: toolOf(tfBin) };
}
function streamSavedPlan(planPath, tfBin, cwd) {
  const workDir = cwd ?? dirname3(resolve2(planPath));
  const proc = spawnTool(tfBin, ["show", "-json", "-no-color", resolve2(planPath)], workDir, ["ignore", "pipe", "pipe"]);
  let stderr = "";
  proc.child.stderr.on("data", (c) => stderr += c.toString());
  const done = exitCode(proc).then((code2) => {
    if (code2 !== 0) throw new ToolError(`${planPath}: "${tfBin} show -json" failed (exit ${code2}) in ${workDir}: ${firstErrorLines(stderr) || "no error output"}`);
  });
  return { stdout: proc.child.stdout, done, tool: toolOf(tfBin) };
}

// src/core/facts/production.ts
var import_picomatch = __toESM(require_picomatch2(), 1);
var DEFAULT_PRODUCTION_NAMES = ["prod", "production", "prd", "live"];
var ENV_KEY = /^(env|environment|stage|tier|deployment|deployment_environment)$|[_-](env|environment|stage)$/i;
function productionRules(config) {
  const names = config.production.names ?? DEFAULT_PRODUCTION_NAMES;
  return { names: new Set(names.map((n) => n.toLowerCase())), environments: config.production.environments ?? [] };
}
function nameTokens(text2) {
  return text2.replace(/([a-z])([A-Z])/g, "$1 $2").split(/[^A-Za-z]+/).filter(Boolean).map((t) => t.toLowerCase());
}
function namedProduction(rules, text2) {
  return text2 !== void 0 && nameTokens(text2).some((t) => rules.names.has(t));
}
function planProductionSignals(plan, rules, ctx) {
  const signals = [];
  const { target } = plan;
  const prodEnvs = rules.environments.filter((e) => e.production);
  if (ctx.explicitEnv !== void 0) {
    const configured = rules.environments.find((e) => e.name === ctx.explicitEnv);
    if (configured ? configured.production : namedProduction(rules, ctx.explicitEnv)) {
      signals.push({ kind: "env", detail: `--env ${ctx.explicitEnv}` });
    }
  }
  if (namedProduction(rules, target.workspace)) signals.push({ kind: "workspace", detail: `workspace "${target.workspace}"` });
  if (namedProduction(rules, target.stack)) signals.push({ kind: "stack", detail: `stack "${target.stack}"` });
  if (target.path !== "-" && namedProduction(rules, target.path)) signals.push({ kind: "path", detail: `plan path ${target.path}` });
  for (const env of prodEnvs) {
    const m = env.match;
    const ws = matchesAnyName(target.workspace, m.workspaces);
    if (ws) signals.push({ kind: "workspace", detail: `workspace "${target.workspace}" matches ${env.name} (${ws})` });
    const st = matchesAnyName(target.stack, m.stacks);
    if (st) signals.push({ kind: "stack", detail: `stack "${target.stack}" matches ${env.name} (${st})` });
    if (target.account !== void 0 && m.accounts?.includes(target.account)) {
      signals.push({ kind: "account", detail: `account ${target.account} belongs to ${env.name}` });
    }
    if (target.path !== "-" && m.paths) {
      const path = target.path.replace(/^\.\//, "");
      const hit = m.paths.find((p) => (0, import_picomatch.default)(p, { dot: true })(path));
      if (hit) signals.push({ kind: "path", detail: `plan path ${target.path} matches ${env.name} (${hit})` });
    }
    for (const [name, patterns] of Object.entries(m.variables ?? {})) {
      const hit = matchesAnyName(target.variables[name], patterns);
      if (hit) signals.push({ kind: "variable", detail: `variable ${name} = "${target.variables[name]}" matches ${env.name}` });
    }
    signals.push(...tagSignals(target.tags, "stack tag", rules, m.tags, env.name));
  }
  for (const [name, value] of Object.entries(target.variables)) {
    if (ENV_KEY.test(name) && namedProduction(rules, value)) signals.push({ kind: "variable", detail: `variable ${name} = "${value}"` });
  }
  signals.push(...tagSignals(target.tags, "stack tag", rules, void 0, void 0));
  return dedupe(signals);
}
function changeProductionSignals(change, rules) {
  const signals = [];
  const kept = sameEntries(change.tagsBefore, change.tagsAfter);
  const onlyBefore = without(change.tagsBefore, kept);
  const onlyAfter = without(change.tagsAfter, kept);
  const envs = [
    [void 0, void 0],
    ...rules.environments.filter((e) => e.production).map((e) => [e.match.tags, e.name])
  ];
  for (const [configured, envName] of envs) {
    if (envName !== void 0 && configured === void 0) continue;
    signals.push(...tagSignals(kept, "tag", rules, configured, envName));
    signals.push(...tagSignals(onlyBefore, "tag", rules, configured, envName, " (before)"));
    signals.push(...tagSignals(onlyAfter, "tag", rules, configured, envName, " (after)"));
  }
  for (const env of rules.environments.filter((e) => e.production)) {
    const mod = matchesAnyName(change.module, env.match.modules);
    if (mod) signals.push({ kind: "module", detail: `module ${change.module} matches ${env.name} (${mod})` });
  }
  if (namedProduction(rules, change.module)) signals.push({ kind: "module", detail: `module path ${change.module}` });
  else {
    for (const address of [change.address, change.previousAddress]) {
      if (namedProduction(rules, address)) {
        signals.push({ kind: "name", detail: `resource name ${address}` });
        break;
      }
    }
  }
  return dedupe(signals);
}
function tagSignals(tags, label, rules, configured, envName, suffix = "") {
  const out = [];
  for (const [key, value] of Object.entries(tags)) {
    if (configured) {
      const patterns = Object.entries(configured).find(([k]) => k.toLowerCase() === key.toLowerCase())?.[1];
      if (matchesAnyName(value, patterns)) out.push({ kind: "tag", detail: `${label} ${key}=${value}${suffix} matches ${envName}` });
    } else if (ENV_KEY.test(key) && namedProduction(rules, value)) {
      out.push({ kind: "tag", detail: `${label} ${key}=${value}${suffix}` });
    }
  }
  return out;
}
function sameEntries(a, b) {
  return Object.fromEntries(Object.entries(a).filter(([k, v]) => b[k] === v));
}
function without(tags, kept) {
  return Object.fromEntries(Object.entries(tags).filter(([k]) => !(k in kept)));
}
function dedupe(signals) {
  const seen = /* @__PURE__ */ new Set();
  return signals.filter((s) => !seen.has(s.detail) && seen.add(s.detail));
}

// src/core/catalog/cloudformation-stateful.ts
var cloudFormationStateful = [
  { type: "AWS::ACMPCA::CertificateAuthority", category: "secret" },
  { type: "AWS::AmazonMQ::Broker", category: "queue" },
  { type: "AWS::Backup::BackupVault", category: "backup" },
  { type: "AWS::Backup::LogicallyAirGappedBackupVault", category: "backup" },
  { type: "AWS::Cassandra::Keyspace", category: "database" },
  { type: "AWS::Cassandra::Table", category: "table" },
  { type: "AWS::CloudFormation::Stack", category: "other-data", note: "a nested stack: deleting or replacing it deletes every resource inside" },
  { type: "AWS::CodeArtifact::Repository", category: "registry" },
  { type: "AWS::CodeCommit::Repository", category: "registry" },
  { type: "AWS::Cognito::IdentityPool", category: "user-pool" },
  { type: "AWS::Cognito::UserPool", category: "user-pool" },
  { type: "AWS::DAX::Cluster", category: "cache" },
  { type: "AWS::DSQL::Cluster", category: "database" },
  { type: "AWS::DocDB::DBCluster", category: "database" },
  { type: "AWS::DocDB::DBInstance", category: "database" },
  { type: "AWS::DocDBElastic::Cluster", category: "database" },
  { type: "AWS::DynamoDB::GlobalTable", category: "table" },
  { type: "AWS::DynamoDB::Table", category: "table" },
  { type: "AWS::EC2::Volume", category: "volume" },
  { type: "AWS::ECR::PublicRepository", category: "registry" },
  { type: "AWS::ECR::Repository", category: "registry" },
  { type: "AWS::EFS::FileSystem", category: "file-system" },
  { type: "AWS::ElastiCache::CacheCluster", category: "cache" },
  { type: "AWS::ElastiCache::ReplicationGroup", category: "cache" },
  { type: "AWS::ElastiCache::ServerlessCache", category: "cache" },
  { type: "AWS::Elasticsearch::Domain", category: "search" },
  { type: "AWS::FSx::FileSystem", category: "file-system" },
  { type: "AWS::FSx::Volume", category: "file-system" },
  { type: "AWS::KMS::Key", category: "key", note: "data encrypted with it becomes unreadable once the key is deleted" },
  { type: "AWS::KMS::ReplicaKey", category: "key" },
  { type: "AWS::Kendra::Index", category: "search" },
  { type: "AWS::Kinesis::Stream", category: "stream" },
  { type: "AWS::KinesisFirehose::DeliveryStream", category: "stream" },
  { type: "AWS::Lightsail::Bucket", category: "bucket" },
  { type: "AWS::Lightsail::Database", category: "database" },
  { type: "AWS::Lightsail::Disk", category: "volume" },
  { type: "AWS::Logs::LogGroup", category: "logs" },
  { type: "AWS::MSK::Cluster", category: "stream" },
  { type: "AWS::MSK::ServerlessCluster", category: "stream" },
  { type: "AWS::MemoryDB::Cluster", category: "database" },
  { type: "AWS::Neptune::DBCluster", category: "database" },
  { type: "AWS::Neptune::DBInstance", category: "database" },
  { type: "AWS::OpenSearchServerless::Collection", category: "search" },
  { type: "AWS::OpenSearchService::Domain", category: "search" },
  { type: "AWS::QLDB::Ledger", category: "database" },
  { type: "AWS::RDS::DBCluster", category: "database" },
  { type: "AWS::RDS::DBInstance", category: "database" },
  { type: "AWS::RDS::GlobalCluster", category: "database" },
  { type: "AWS::Redshift::Cluster", category: "warehouse" },
  { type: "AWS::RedshiftServerless::Namespace", category: "warehouse" },
  { type: "AWS::Route53::HostedZone", category: "dns-zone", note: "a new zone gets new name servers: delegation breaks" },
  { type: "AWS::S3::Bucket", category: "bucket" },
  { type: "AWS::S3Express::DirectoryBucket", category: "bucket" },
  { type: "AWS::S3Tables::Table", category: "table" },
  { type: "AWS::S3Tables::TableBucket", category: "bucket" },
  { type: "AWS::SQS::Queue", category: "queue" },
  { type: "AWS::SSM::Parameter", category: "secret", note: "SecureString parameters hold secrets that may exist nowhere else" },
  { type: "AWS::SecretsManager::Secret", category: "secret" },
  { type: "AWS::Timestream::Database", category: "database" },
  { type: "AWS::Timestream::Table", category: "table" }
];

// src/core/catalog/terraform-stateful.ts
var terraformStateful = [
  { type: "aws_acmpca_certificate_authority", category: "secret" },
  { type: "aws_backup_logically_air_gapped_vault", category: "backup" },
  { type: "aws_backup_vault", category: "backup" },
  { type: "aws_cloudhsm_v2_cluster", category: "key" },
  { type: "aws_cloudwatch_log_group", category: "logs", note: "retained logs are deleted" },
  { type: "aws_codeartifact_repository", category: "registry" },
  { type: "aws_codecommit_repository", category: "registry" },
  { type: "aws_cognito_identity_pool", category: "user-pool" },
  { type: "aws_cognito_user_pool", category: "user-pool", note: "user accounts and passwords cannot be recreated" },
  { type: "aws_dax_cluster", category: "cache" },
  { type: "aws_db_cluster_snapshot", category: "snapshot" },
  { type: "aws_db_instance", category: "database" },
  { type: "aws_db_snapshot", category: "snapshot" },
  { type: "aws_docdb_cluster", category: "database" },
  { type: "aws_docdb_elastic_cluster", category: "database" },
  { type: "aws_dsql_cluster", category: "database" },
  { type: "aws_dynamodb_global_table", category: "table" },
  { type: "aws_dynamodb_table", category: "table" },
  { type: "aws_ebs_snapshot", category: "snapshot" },
  { type: "aws_ebs_volume", category: "volume" },
  { type: "aws_ecr_repository", category: "registry" },
  { type: "aws_ecrpublic_repository", category: "registry" },
  { type: "aws_efs_file_system", category: "file-system" },
  { type: "aws_elasticache_cluster", category: "cache" },
  { type: "aws_elasticache_replication_group", category: "cache" },
  { type: "aws_elasticache_serverless_cache", category: "cache" },
  { type: "aws_elasticsearch_domain", category: "search" },
  { type: "aws_fsx_lustre_file_system", category: "file-system" },
  { type: "aws_fsx_ontap_file_system", category: "file-system" },
  { type: "aws_fsx_ontap_volume", category: "file-system" },
  { type: "aws_fsx_openzfs_file_system", category: "file-system" },
  { type: "aws_fsx_openzfs_volume", category: "file-system" },
  { type: "aws_fsx_windows_file_system", category: "file-system" },
  { type: "aws_glacier_vault", category: "bucket" },
  { type: "aws_glue_catalog_table", category: "table" },
  { type: "aws_identitystore_user", category: "user-pool" },
  { type: "aws_kendra_index", category: "search" },
  { type: "aws_keyspaces_keyspace", category: "database" },
  { type: "aws_keyspaces_table", category: "table" },
  { type: "aws_kinesis_firehose_delivery_stream", category: "stream" },
  { type: "aws_kinesis_stream", category: "stream" },
  { type: "aws_kms_external_key", category: "key" },
  { type: "aws_kms_key", category: "key", note: "data encrypted with it becomes unreadable once the key is deleted" },
  { type: "aws_kms_replica_key", category: "key" },
  { type: "aws_lightsail_bucket", category: "bucket" },
  { type: "aws_lightsail_database", category: "database" },
  { type: "aws_lightsail_disk", category: "volume" },
  { type: "aws_memorydb_cluster", category: "database" },
  { type: "aws_mq_broker", category: "queue" },
  { type: "aws_msk_cluster", category: "stream" },
  { type: "aws_msk_serverless_cluster", category: "stream" },
  { type: "aws_neptune_cluster", category: "database" },
  { type: "aws_opensearch_domain", category: "search" },
  { type: "aws_opensearchserverless_collection", category: "search" },
  { type: "aws_qldb_ledger", category: "database" },
  { type: "aws_rds_cluster", category: "database" },
  { type: "aws_rds_cluster_instance", category: "database" },
  { type: "aws_rds_global_cluster", category: "database" },
  { type: "aws_redshift_cluster", category: "warehouse" },
  { type: "aws_redshiftserverless_namespace", category: "warehouse" },
  { type: "aws_route53_zone", category: "dns-zone", note: "a new zone gets new name servers: delegation breaks" },
  { type: "aws_route53domains_registered_domain", category: "dns-zone" },
  { type: "aws_s3_bucket", category: "bucket" },
  { type: "aws_s3_directory_bucket", category: "bucket" },
  { type: "aws_s3_object", category: "bucket", note: "the object content is lost unless versioned elsewhere" },
  { type: "aws_s3control_bucket", category: "bucket" },
  { type: "aws_s3tables_table", category: "table" },
  { type: "aws_s3tables_table_bucket", category: "bucket" },
  { type: "aws_secretsmanager_secret", category: "secret" },
  { type: "aws_sqs_queue", category: "queue" },
  { type: "aws_ssm_parameter", category: "secret", note: "SecureString parameters hold secrets that may exist nowhere else" },
  { type: "aws_timestream_database", category: "database" },
  { type: "aws_timestream_table", category: "table" },
  { type: "google_alloydb_cluster", category: "database" },
  { type: "google_alloydb_instance", category: "database" },
  { type: "google_artifact_registry_repository", category: "registry" },
  { type: "google_backup_dr_backup_vault", category: "backup" },
  { type: "google_bigquery_dataset", category: "warehouse" },
  { type: "google_bigquery_table", category: "table" },
  { type: "google_bigtable_instance", category: "database" },
  { type: "google_bigtable_table", category: "table" },
  { type: "google_compute_disk", category: "volume" },
  { type: "google_compute_region_disk", category: "volume" },
  { type: "google_compute_snapshot", category: "snapshot" },
  { type: "google_container_registry", category: "registry" },
  { type: "google_dns_managed_zone", category: "dns-zone" },
  { type: "google_filestore_instance", category: "file-system" },
  { type: "google_firestore_database", category: "database" },
  { type: "google_identity_platform_tenant", category: "user-pool" },
  { type: "google_kms_crypto_key", category: "key", note: "data encrypted with it becomes unreadable once the key versions are destroyed" },
  { type: "google_kms_key_ring", category: "key" },
  { type: "google_logging_organization_bucket_config", category: "logs" },
  { type: "google_logging_project_bucket_config", category: "logs" },
  { type: "google_pubsub_subscription", category: "queue" },
  { type: "google_pubsub_topic", category: "stream", note: "messages retained on the topic are lost and its subscriptions are detached" },
  { type: "google_redis_cluster", category: "cache" },
  { type: "google_redis_instance", category: "cache" },
  { type: "google_secret_manager_secret", category: "secret" },
  { type: "google_secret_manager_secret_version", category: "secret" },
  { type: "google_spanner_database", category: "database" },
  { type: "google_spanner_instance", category: "database" },
  { type: "google_sql_database", category: "database" },
  { type: "google_sql_database_instance", category: "database" },
  { type: "google_storage_bucket", category: "bucket" },
  { type: "google_storage_bucket_object", category: "bucket" },
  { type: "azurerm_aadb2c_directory", category: "user-pool" },
  { type: "azurerm_application_insights", category: "logs" },
  { type: "azurerm_backup_protected_vm", category: "backup" },
  { type: "azurerm_container_registry", category: "registry" },
  { type: "azurerm_cosmosdb_account", category: "database" },
  { type: "azurerm_cosmosdb_cassandra_keyspace", category: "database" },
  { type: "azurerm_cosmosdb_cassandra_table", category: "table" },
  { type: "azurerm_cosmosdb_gremlin_database", category: "database" },
  { type: "azurerm_cosmosdb_gremlin_graph", category: "table" },
  { type: "azurerm_cosmosdb_mongo_collection", category: "table" },
  { type: "azurerm_cosmosdb_mongo_database", category: "database" },
  { type: "azurerm_cosmosdb_postgresql_cluster", category: "database" },
  { type: "azurerm_cosmosdb_sql_container", category: "table" },
  { type: "azurerm_cosmosdb_sql_database", category: "database" },
  { type: "azurerm_cosmosdb_table", category: "table" },
  { type: "azurerm_data_protection_backup_vault", category: "backup" },
  { type: "azurerm_databricks_workspace", category: "warehouse" },
  { type: "azurerm_dns_zone", category: "dns-zone" },
  { type: "azurerm_eventhub", category: "stream" },
  { type: "azurerm_eventhub_namespace", category: "stream" },
  { type: "azurerm_key_vault", category: "key" },
  { type: "azurerm_key_vault_certificate", category: "secret" },
  { type: "azurerm_key_vault_key", category: "key" },
  { type: "azurerm_key_vault_managed_hardware_security_module", category: "key" },
  { type: "azurerm_key_vault_secret", category: "secret" },
  { type: "azurerm_kusto_cluster", category: "warehouse" },
  { type: "azurerm_kusto_database", category: "warehouse" },
  { type: "azurerm_log_analytics_workspace", category: "logs" },
  { type: "azurerm_managed_disk", category: "volume" },
  { type: "azurerm_managed_redis", category: "cache" },
  { type: "azurerm_mariadb_database", category: "database" },
  { type: "azurerm_mariadb_server", category: "database" },
  { type: "azurerm_mssql_database", category: "database" },
  { type: "azurerm_mssql_managed_database", category: "database" },
  { type: "azurerm_mssql_managed_instance", category: "database" },
  { type: "azurerm_mssql_server", category: "database" },
  { type: "azurerm_mysql_database", category: "database" },
  { type: "azurerm_mysql_flexible_database", category: "database" },
  { type: "azurerm_mysql_flexible_server", category: "database" },
  { type: "azurerm_mysql_server", category: "database" },
  { type: "azurerm_netapp_volume", category: "file-system" },
  { type: "azurerm_postgresql_database", category: "database" },
  { type: "azurerm_postgresql_flexible_server", category: "database" },
  { type: "azurerm_postgresql_flexible_server_database", category: "database" },
  { type: "azurerm_postgresql_server", category: "database" },
  { type: "azurerm_private_dns_zone", category: "dns-zone" },
  { type: "azurerm_recovery_services_vault", category: "backup" },
  { type: "azurerm_redis_cache", category: "cache" },
  { type: "azurerm_search_service", category: "search" },
  { type: "azurerm_servicebus_namespace", category: "queue" },
  { type: "azurerm_servicebus_queue", category: "queue" },
  { type: "azurerm_servicebus_subscription", category: "queue" },
  { type: "azurerm_servicebus_topic", category: "queue" },
  { type: "azurerm_snapshot", category: "snapshot" },
  { type: "azurerm_sql_database", category: "database" },
  { type: "azurerm_sql_server", category: "database" },
  { type: "azurerm_storage_account", category: "bucket" },
  { type: "azurerm_storage_blob", category: "bucket" },
  { type: "azurerm_storage_container", category: "bucket" },
  { type: "azurerm_storage_data_lake_gen2_filesystem", category: "bucket" },
  { type: "azurerm_storage_queue", category: "queue" },
  { type: "azurerm_storage_share", category: "bucket" },
  { type: "azurerm_storage_share_directory", category: "file-system" },
  { type: "azurerm_storage_table", category: "table" },
  { type: "azurerm_synapse_sql_pool", category: "warehouse" },
  { type: "azurerm_synapse_workspace", category: "warehouse" },
  { type: "kubernetes_persistent_volume", category: "volume" },
  { type: "kubernetes_persistent_volume_claim", category: "volume" },
  { type: "kubernetes_persistent_volume_claim_v1", category: "volume" },
  { type: "kubernetes_persistent_volume_v1", category: "volume" },
  { type: "kubernetes_stateful_set", category: "other-data", note: "its volume claims may be deleted with it, depending on the retention policy" },
  { type: "kubernetes_stateful_set_v1", category: "other-data", note: "its volume claims may be deleted with it, depending on the retention policy" }
];

// src/core/facts/stateful.ts
function statefulCatalog(config, extra = []) {
  const byType = /* @__PURE__ */ new Map();
  for (const e of [...terraformStateful, ...cloudFormationStateful, ...extra]) byType.set(e.type, e.category);
  const added = config.add.map(nameGlob);
  const removed = config.remove.map(nameGlob);
  return {
    categoryOf(type) {
      if (removed.some((re) => re.test(type))) return void 0;
      return byType.get(type) ?? (added.some((re) => re.test(type)) ? "other-data" : void 0);
    }
  };
}

// src/core/policy/change-policy.ts
function changeFindings(c, config, ctx) {
  const out = [];
  const { change } = c;
  const risky = change.destroys || change.mayReplace || change.replacementUnknown || change.forgets;
  if (risky) {
    const hit = protectedBy(c, config);
    if (hit) {
      out.push({ code: "STEER-PROTECTED", severity: "block", message: `${describe(c)}, but it is protected (${hit}).` });
    }
  }
  if (change.protectionWeakened !== void 0 && c.stateful !== void 0) {
    out.push({
      code: "STEER-PROTECTION-WEAKENED",
      severity: c.production.length > 0 ? "review" : "info",
      message: `${change.address} (${c.stateful}): ${change.protectionWeakened}${productionSuffix(c)}.`
    });
  }
  if (change.replacementUnknown) {
    out.push({
      code: "STEER-REPLACE-UNKNOWN",
      severity: "review",
      message: `${change.address} is modified and the source cannot say whether it will be replaced; treat it as a possible replacement.`
    });
  }
  const rule = firstMatchingRule(c, config.rules, ctx);
  if (rule) {
    const label = rule.name ?? `rules[${config.rules.indexOf(rule)}]`;
    const why = rule.reason ? `: ${rule.reason}` : "";
    out.push({
      code: "STEER-RULE",
      severity: rule.verdict === "allow" ? "info" : rule.verdict,
      message: `${describe(c)}; rule "${label}" says ${rule.verdict}${why}.`
    });
    return out;
  }
  out.push(...defaultFindings(c));
  return out;
}
function defaultFindings(c) {
  const { change } = c;
  const prod = c.production.length > 0;
  if (change.destroys) {
    if (prod && c.dataLoss) return [{ code: "STEER-DATA-LOSS", severity: "review", message: `${describe(c)} \u2014 DATA LOSS${productionSuffix(c)}.` }];
    if (prod) return [{ code: "STEER-DESTROY-PROD", severity: "review", message: `${describe(c)}${productionSuffix(c)}.` }];
    return [{ code: "STEER-DESTROY", severity: "info", message: `${describe(c)}${c.dataLoss ? " \u2014 data loss outside production" : ""}.` }];
  }
  if (change.mayReplace && prod) {
    return [{ code: "STEER-MAY-REPLACE-PROD", severity: "review", message: `${describe(c)}${c.dataLoss ? " \u2014 possible DATA LOSS" : ""}${productionSuffix(c)}.` }];
  }
  if (change.forgets && prod) {
    return [{ code: "STEER-FORGET-PROD", severity: "review", message: `${describe(c)}${productionSuffix(c)}.` }];
  }
  return [];
}
function firstMatchingRule(c, rules, ctx) {
  const { change } = c;
  return rules.find(({ match: m }) => {
    if (m.actions ? !m.actions.includes(change.action) : change.action === "no-op" || change.action === "read") return false;
    if (m.environment === "production" && c.production.length === 0) return false;
    if (m.environment === "non-production" && c.production.length > 0) return false;
    if (m.stateful !== void 0 && m.stateful !== (c.stateful !== void 0)) return false;
    if (m.dataLoss !== void 0 && m.dataLoss !== c.dataLoss) return false;
    if (m.agent !== void 0 && m.agent !== ctx.agentAuthored) return false;
    if (m.types && !matchesAnyName(change.type, m.types)) return false;
    if (m.addresses && !matchesAnyName(change.address, m.addresses) && !matchesAnyName(change.previousAddress, m.addresses)) return false;
    return true;
  });
}
function protectedBy(c, config) {
  for (const p of config.protected) {
    const hit = matchesAnyName(c.change.address, p.addresses) ?? matchesAnyName(c.change.previousAddress, p.addresses) ?? matchesAnyName(c.change.type, p.types);
    if (hit) return `steer.yml protected: ${hit}${p.reason ? ` \u2014 ${p.reason}` : ""}`;
  }
  return void 0;
}
function describe(c) {
  const { change } = c;
  const what = `${change.address}${change.deposedKey ? ` (deposed ${change.deposedKey})` : ""}${c.stateful ? ` (${c.stateful})` : ""}`;
  let verb;
  switch (change.action) {
    case "replace":
      verb = change.replaceOrder === "create-before-destroy" ? "is replaced (new one created first, then the old one destroyed)" : "is replaced (destroyed first, then re-created)";
      break;
    case "delete":
      verb = "is deleted";
      break;
    case "forget":
      verb = change.replaceOrder ? "is forgotten and a new one created (the old one keeps running, unmanaged)" : "is forgotten (it keeps running, no longer managed)";
      break;
    case "update":
      verb = change.mayReplace ? "may be replaced" : "is updated in place";
      break;
    case "create":
      verb = "is created";
      break;
    case "read":
      verb = "is read";
      break;
    case "no-op":
      verb = change.mayReplace ? "may be replaced" : "is unchanged";
      break;
    case "move":
      verb = `is moved from ${change.previousAddress ?? "another address"}`;
      break;
    case "import":
      verb = "is imported";
      break;
    default: {
      const never = change.action;
      throw new Error(`unhandled action ${String(never)}`);
    }
  }
  const because = [];
  if (change.reasons.forcedBy.length > 0) because.push(`${change.reasons.forcedBy.join(", ")} forces replacement`);
  because.push(...change.reasons.notes);
  if (change.policyAction) because.push(`PolicyAction ${change.policyAction}`);
  return `${what} ${verb}${because.length > 0 ? ` because ${because.join("; ")}` : ""}`;
}
function productionSuffix(c) {
  return c.production.length > 0 ? ` on production (${c.production.map((s) => s.detail).join(", ")})` : "";
}

// src/core/policy/plan-policy.ts
function planFindings(plan, index, changes, drift, planSignals, config) {
  const out = [];
  const at = (f) => void out.push({ ...f, plan: index });
  if (plan.errored) {
    at({ code: "STEER-PLAN-ERRORED", severity: "block", message: `${plan.target.path}: ${plan.incompleteReasons[0] ?? "the plan errored"}. Fix the errors and plan again.` });
  } else if (plan.incompleteReasons.length > 0) {
    at({ code: "STEER-PLAN-INCOMPLETE", severity: "review", message: `${plan.target.path}: ${plan.incompleteReasons.join("; ")}.` });
  }
  if (plan.notExecutable !== void 0) {
    at({ code: "STEER-NOT-EXECUTABLE", severity: "review", message: `${plan.target.path}: ${plan.notExecutable}.` });
  }
  for (const limit of config.limits) {
    const inScope = changes.filter(
      (c) => limit.environment === "any" ? true : limit.environment === "production" ? c.production.length > 0 : c.production.length === 0
    );
    const deletes = inScope.filter((c) => c.change.action === "delete").length;
    const replaces = inScope.filter((c) => c.change.action === "replace" || c.change.mayReplace).length;
    const scope = limit.environment === "any" ? "" : ` on ${limit.environment}`;
    if (limit.maxDeletes !== void 0 && deletes > limit.maxDeletes) {
      at({ code: "STEER-LIMIT", severity: limit.verdict === "allow" ? "info" : limit.verdict, message: `${deletes} deletions${scope} exceed the limit of ${limit.maxDeletes}.` });
    }
    if (limit.maxReplaces !== void 0 && replaces > limit.maxReplaces) {
      at({ code: "STEER-LIMIT", severity: limit.verdict === "allow" ? "info" : limit.verdict, message: `${replaces} replacements${scope} exceed the limit of ${limit.maxReplaces}.` });
    }
  }
  for (const d of drift) {
    if (d.change.action === "no-op" || d.change.action === "read") continue;
    const what = d.change.action === "delete" ? "was deleted outside the tool" : `changed outside the tool (${d.change.action})`;
    at({ code: "STEER-DRIFT", severity: "info", message: `Drift, not planned work: ${d.change.address} ${what}.`, address: d.change.address });
  }
  for (const d of plan.deferred) {
    at({ code: "STEER-PLAN-INCOMPLETE", severity: "review", message: `Deferred (${d.reason}): ${describe({ change: d.change, production: planSignals, dataLoss: false, verdict: "allow" })}.`, address: d.change.address });
  }
  for (const note of plan.inputNotes) at({ code: "STEER-INPUT-NOTE", severity: "info", message: `${plan.target.path}: ${note}.` });
  return out;
}

// src/core/assess.ts
function assess(plans, options) {
  const { config } = options;
  const rules = productionRules(config);
  const catalog = statefulCatalog(config.stateful);
  const agentAuthored = options.agentAuthored ?? false;
  const findings = [];
  const planReports = [];
  for (const [index, plan] of plans.entries()) {
    const planSignals = planProductionSignals(plan, rules, { ...options.explicitEnv !== void 0 ? { explicitEnv: options.explicitEnv } : {} });
    const assessChange = (change) => {
      const stateful = catalog.categoryOf(change.type);
      const idle = change.action === "no-op" || change.action === "read";
      const production = idle ? planSignals : [...planSignals, ...changeProductionSignals(change, rules)];
      const retained = change.policyAction !== void 0 && /Retain|Snapshot/.test(change.policyAction);
      const dataLoss = stateful !== void 0 && change.mode === "managed" && (change.destroys || change.mayReplace || change.replacementUnknown) && !retained;
      return { change, ...stateful !== void 0 ? { stateful } : {}, production, dataLoss, verdict: "allow" };
    };
    const changes = [];
    const planLevel = [];
    for (const raw of plan.changes) {
      const assessed = assessChange(raw);
      const found = changeFindings(assessed, config, { agentAuthored });
      const verdict = worst(found.map((f) => severityVerdict(f.severity)));
      changes.push({ ...assessed, verdict });
      for (const f of found) planLevel.push({ ...f, plan: index, address: raw.address });
    }
    const drift = plan.drift.map(assessChange);
    planLevel.push(...planFindings(plan, index, changes, drift, planSignals, config));
    findings.push(...planLevel);
    planReports.push({ plan, production: planSignals, changes, verdict: worst(planLevel.map((f) => severityVerdict(f.severity))) });
  }
  return {
    verdict: worst(findings.map((f) => severityVerdict(f.severity))),
    digest: reportDigest(plans.map((p) => p.digest)),
    plans: planReports,
    findings: sortFindings(findings),
    agentAuthored
  };
}
var SEVERITY_ORDER = { block: 0, review: 1, info: 2 };
function sortFindings(findings) {
  return findings.map((f, i) => ({ f, i })).sort((a, b) => SEVERITY_ORDER[a.f.severity] - SEVERITY_ORDER[b.f.severity] || a.i - b.i).map(({ f }) => f);
}

// src/app/live-change-set.ts
import { readFile } from "node:fs/promises";

// src/sources/cloudformation/resource-change.ts
function toChange(rc, module) {
  const address = module ? `${module}.${rc.LogicalResourceId}` : rc.LogicalResourceId;
  const type = rc.ResourceType ?? "(type not given)";
  const notes = [];
  const forcedBy = recreationTargets(rc);
  const base = {
    address,
    type,
    provider: "cloudformation",
    ...module !== void 0 ? { module } : {},
    mode: "managed",
    sourceActions: [rc.Action, ...rc.Replacement ? [`Replacement: ${rc.Replacement}`] : []],
    importing: rc.Action === "Import",
    ...rc.PolicyAction ? { policyAction: rc.PolicyAction } : {},
    changedAttributes: changedProperties(rc),
    tagsBefore: contextTags(rc.BeforeContext),
    tagsAfter: contextTags(rc.AfterContext),
    ...protection(rc)
  };
  if (!rc.ResourceType) notes.push("ResourceType not given: whether it holds data is unknown");
  switch (rc.Action) {
    case "Add":
      return { ...base, action: "create", destroys: false, mayReplace: false, replacementUnknown: false, forgets: false, reasons: { forcedBy: [], notes } };
    case "Import":
      return { ...base, action: "import", destroys: false, mayReplace: false, replacementUnknown: false, forgets: false, reasons: { forcedBy: [], notes } };
    case "Remove":
      if (!rc.PolicyAction) notes.push("PolicyAction not given: assuming the resource is deleted");
      else if (/Retain/.test(rc.PolicyAction)) notes.push("DeletionPolicy Retain: removed from the stack, the resource itself is kept");
      else if (/Snapshot/.test(rc.PolicyAction)) notes.push("DeletionPolicy Snapshot: a snapshot is taken before deletion");
      return { ...base, action: "delete", destroys: !/Retain/.test(rc.PolicyAction ?? ""), mayReplace: false, replacementUnknown: false, forgets: /Retain/.test(rc.PolicyAction ?? ""), reasons: { forcedBy: [], notes } };
    case "Dynamic":
      notes.push("Dynamic: what happens is known only when the change set executes");
      return { ...base, action: "update", destroys: false, mayReplace: false, replacementUnknown: true, forgets: false, reasons: { forcedBy, notes } };
    case "Modify":
      return modify(rc, base, forcedBy, notes);
    default: {
      const never = rc.Action;
      throw new Error(`unhandled CloudFormation action ${String(never)}`);
    }
  }
}
function modify(rc, base, forcedBy, notes) {
  if (rc.Replacement === "True") {
    if (!rc.PolicyAction) notes.push("PolicyAction not given: assuming the old resource is deleted");
    else if (/Retain/.test(rc.PolicyAction)) notes.push("UpdateReplacePolicy Retain: the old resource is kept, unmanaged");
    else if (/Snapshot/.test(rc.PolicyAction)) notes.push("UpdateReplacePolicy Snapshot: a snapshot of the old resource is taken");
    return { ...base, action: "replace", replaceOrder: "create-before-destroy", destroys: !/Retain/.test(rc.PolicyAction ?? ""), mayReplace: false, replacementUnknown: false, forgets: false, reasons: { forcedBy, notes } };
  }
  const conditional = rc.Replacement === "Conditional";
  if (conditional) notes.push("Replacement: Conditional \u2014 replaced if the new value requires it");
  const unstated = rc.Replacement === void 0 || rc.Replacement === null;
  if (unstated) notes.push("the change set does not say whether the resource is replaced");
  const atExecution = rc.Replacement === "False" && mayRecreate(rc);
  if (atExecution) notes.push("Replacement False, but a property that may force recreation is known only at execution (or its RequiresRecreation is not given)");
  if ((conditional || atExecution) && !rc.PolicyAction) notes.push("PolicyAction not given: assuming the old resource is deleted if it is replaced");
  return { ...base, action: "update", destroys: false, mayReplace: conditional, replacementUnknown: unstated || atExecution, forgets: false, reasons: { forcedBy, notes } };
}
function recreationTargets(rc) {
  const out = /* @__PURE__ */ new Set();
  for (const d of rc.Details ?? []) {
    const t = d.Target;
    if (!t || t.Attribute !== "Properties") continue;
    const name = `Properties.${t.Name ?? t.Path?.replace(/^\/Properties\//, "") ?? "?"}`;
    if (t.RequiresRecreation === "Always" && d.Evaluation !== "Dynamic") out.add(name);
    else if (t.RequiresRecreation !== "Never") out.add(`${name} (conditionally)`);
  }
  for (const name of out) if (name.endsWith("(conditionally)") && out.has(name.replace(" (conditionally)", ""))) out.delete(name);
  return [...out].sort((a, b) => Number(a.endsWith("(conditionally)")) - Number(b.endsWith("(conditionally)")));
}
function mayRecreate(rc) {
  return (rc.Details ?? []).some((d) => d.Target?.Attribute === "Properties" && d.Target.RequiresRecreation !== "Never" && (d.Evaluation === "Dynamic" || !d.Target.RequiresRecreation));
}
function changedProperties(rc) {
  const names = /* @__PURE__ */ new Set();
  for (const d of rc.Details ?? []) {
    const t = d.Target;
    if (t?.Attribute === "Properties" && t.Name) names.add(t.Name);
    else if (t?.Attribute && t.Attribute !== "Properties") names.add(t.Attribute);
  }
  return [...names].sort();
}
function protection(rc) {
  const scope = rc.Scope ?? [];
  const policies = ["DeletionPolicy", "UpdateReplacePolicy"].filter((p) => scope.includes(p));
  return policies.length > 0 ? { protectionWeakened: `its ${policies.join(" and ")} changes: check that data is still retained or snapshotted` } : {};
}
function contextTags(context) {
  let value = context;
  if (typeof value === "string") {
    try {
      value = JSON.parse(value);
    } catch {
      return {};
    }
  }
  const tags = value?.Properties?.Tags;
  const out = {};
  if (Array.isArray(tags)) {
    for (const t of tags) if (t && typeof t.Key === "string" && typeof t.Value === "string") out[t.Key] = masked(t.Value);
  } else if (tags && typeof tags === "object") {
    for (const [k, v] of Object.entries(tags)) if (typeof v === "string") out[k] = masked(v);
  }
  return out;
}
function masked(value) {
  return /^\*+$/.test(value) ? REDACTED : value;
}

// src/sources/cloudformation/schema.ts
var str = external_exports.string().nullish();
var CFN_ACTIONS = ["Add", "Modify", "Remove", "Import", "Dynamic"];
var detailSchema = external_exports.looseObject({
  Target: external_exports.looseObject({
    Attribute: str,
    Name: str,
    Path: str,
    RequiresRecreation: str,
    AttributeChangeType: str
  }).nullish(),
  Evaluation: str,
  ChangeSource: str,
  CausingEntity: str
});
var resourceChangeSchema = external_exports.looseObject({
  Action: external_exports.enum(CFN_ACTIONS, { error: (issue) => `unknown action ${JSON.stringify(issue.input)}` }),
  LogicalResourceId: external_exports.string().min(1),
  PhysicalResourceId: str,
  ResourceType: str,
  Replacement: external_exports.enum(["True", "False", "Conditional"], { error: (issue) => `unknown Replacement ${JSON.stringify(issue.input)}` }).nullish(),
  PolicyAction: str,
  Scope: external_exports.array(external_exports.string()).nullish(),
  Details: external_exports.array(detailSchema).nullish(),
  ChangeSetId: str,
  BeforeContext: external_exports.unknown().optional(),
  AfterContext: external_exports.unknown().optional()
});
var changeSetSchema = external_exports.looseObject({
  ChangeSetId: str,
  ChangeSetName: str,
  StackId: str,
  StackName: str,
  Status: str,
  StatusReason: str,
  ExecutionStatus: str,
  NextToken: str,
  ParentChangeSetId: str,
  RootChangeSetId: str,
  IncludeNestedStacks: external_exports.boolean().nullish(),
  Parameters: external_exports.array(external_exports.looseObject({ ParameterKey: external_exports.string(), ParameterValue: str, ResolvedValue: str })).nullish(),
  Tags: external_exports.array(external_exports.looseObject({ Key: external_exports.string(), Value: external_exports.string() })).nullish(),
  Changes: external_exports.array(external_exports.looseObject({ Type: str, ResourceChange: resourceChangeSchema.nullish() }))
});

// src/sources/cloudformation/group.ts
function groupPages(pages) {
  const groups = /* @__PURE__ */ new Map();
  for (const page of pages) {
    const result = changeSetSchema.safeParse(page.doc);
    if (!result.success) throw new InputError(page.path, `not a valid DescribeChangeSet output: ${firstIssueText(result.error)}`);
    const cs = result.data;
    const id = cs.ChangeSetId ?? `${cs.StackName ?? cs.StackId ?? "?"}/${cs.ChangeSetName ?? page.path}`;
    const changes = [];
    for (const [i, c] of cs.Changes.entries()) {
      if (c.Type !== "Resource" || !c.ResourceChange) throw new InputError(page.path, `Changes[${i}]: unknown change type ${JSON.stringify(c.Type)}`);
      changes.push(c.ResourceChange);
    }
    const known = groups.get(id);
    const isLast = !cs.NextToken;
    if (known) {
      known.changes.push(...changes);
      known.lastPages += isLast ? 1 : 0;
    } else {
      groups.set(id, { id, path: page.path, head: cs, changes, notes: page.notes, lastPages: isLast ? 1 : 0 });
    }
  }
  for (const g of groups.values()) {
    if (g.lastPages === 0) throw new InputError(g.path, `change set ${g.id} has more pages (NextToken) that were not given: describe it again and give every page`);
    if (g.lastPages > 1) throw new InputError(g.path, `change set ${g.id} was given more than once`);
  }
  return groups;
}

// src/sources/cloudformation/parse.ts
var NO_CHANGES = /didn't contain changes|no updates are to be performed/i;
var PROPERTY_VALUES_WARNING = "[WARN] --include-property-values option can return incomplete ChangeSet data";
function cloudFormationPlans(pages, live = {}) {
  const groups = groupPages(pages);
  const roots = [...groups.values()].filter((g) => !g.head.ParentChangeSetId || !groups.has(g.head.ParentChangeSetId));
  return roots.map((root) => buildPlan(root, groups, live.stackTags ?? {}));
}
function buildPlan(root, groups, stackTags) {
  const changes = [];
  const digests = [];
  const incompleteReasons = [];
  const inputNotes = [...root.notes];
  const visit = (group, module, seen) => {
    seen.add(group.id);
    if (group.head.StatusReason?.startsWith(PROPERTY_VALUES_WARNING)) {
      incompleteReasons.push(`${group.id}: described with property values, which can drop resource changes (describe it again without --include-property-values)`);
    }
    for (const rc of group.changes) {
      changes.push(toChange(rc, module));
      digests.push(canonicalDigest({ module: module ?? null, change: { ...rc, BeforeContext: parsedContext(rc.BeforeContext), AfterContext: parsedContext(rc.AfterContext) } }));
      if (rc.ChangeSetId && rc.ResourceType === "AWS::CloudFormation::Stack") {
        const child = groups.get(rc.ChangeSetId);
        const address = module ? `${module}.${rc.LogicalResourceId}` : rc.LogicalResourceId;
        if (child && !seen.has(child.id)) visit(child, address, seen);
        else if (!child) incompleteReasons.push(`the nested change set of ${address} (${rc.ChangeSetId}) was not given: its changes are unknown`);
      }
    }
  };
  visit(root, void 0, /* @__PURE__ */ new Set());
  const status = checkStatus(root);
  if (status.noChanges) changes.length = 0;
  const head = root.head;
  if (head.ExecutionStatus === void 0 || head.ExecutionStatus === null) inputNotes.push("ExecutionStatus not given: whether the change set can still be executed is unknown");
  const arn = parseArn(head.ChangeSetId ?? head.StackId);
  const header = {
    source: "cloudformation",
    changeSetId: head.ChangeSetId ?? null,
    stack: head.StackId ?? head.StackName ?? null,
    parameters: (head.Parameters ?? []).map((p) => [p.ParameterKey, p.ParameterValue ?? null, p.ResolvedValue ?? null]).sort()
  };
  return {
    source: "cloudformation",
    target: {
      path: root.path,
      ...head.StackName ? { stack: head.StackName } : stackNameFrom(head.StackId),
      ...head.ChangeSetId ? { changeSetArn: head.ChangeSetId } : {},
      ...arn.account ? { account: arn.account } : {},
      ...arn.region ? { region: arn.region } : {},
      variables: Object.fromEntries((head.Parameters ?? []).map((p) => [p.ParameterKey, redactNoEcho(p.ParameterValue)])),
      // Stack tags (DescribeStacks, when live) and the change set's own tags: neither is in the template the change edits.
      tags: { ...stackTags, ...Object.fromEntries((head.Tags ?? []).map((t) => [t.Key, t.Value])) }
    },
    errored: false,
    complete: incompleteReasons.length === 0,
    incompleteReasons,
    changes,
    drift: [],
    outputs: [],
    deferred: [],
    inputNotes: [...inputNotes, ...status.note ? [status.note] : []],
    digest: planDigest(header, digests),
    ...status.noChanges ? { noChanges: true } : {},
    ...status.notExecutable ? { notExecutable: status.notExecutable } : {}
  };
}
function checkStatus(root) {
  const { Status: status, StatusReason: reason, ExecutionStatus: exec, ParentChangeSetId: parent } = root.head;
  switch (status) {
    case "CREATE_COMPLETE":
    case void 0:
    case null:
      break;
    case "FAILED":
      if (NO_CHANGES.test(reason ?? "")) return { noChanges: true, note: `no changes: ${(reason ?? "").replace(/\.$/, "")}` };
      throw new InputError(root.path, `change set ${root.id} FAILED: ${reason ?? "no reason given"}`);
    case "CREATE_PENDING":
    case "CREATE_IN_PROGRESS":
      throw new InputError(root.path, `change set ${root.id} is still being created (${status}): wait for CREATE_COMPLETE and describe it again`);
    default:
      throw new InputError(root.path, `change set ${root.id} has status ${status}${reason ? ` (${reason})` : ""}: it cannot be analyzed`);
  }
  if (parent) return { notExecutable: `this nested change set is executable only from its root change set ${root.head.RootChangeSetId ?? parent}, which was not given` };
  if (exec && exec !== "AVAILABLE") return { notExecutable: `ExecutionStatus is ${exec}${reason ? ` (${reason})` : ""}: this change set cannot be executed as it is` };
  return {};
}
function parsedContext(context) {
  if (typeof context !== "string") return context ?? null;
  try {
    return JSON.parse(context);
  } catch {
    return context;
  }
}
function redactNoEcho(value) {
  return value === void 0 || value === null || /^\*+$/.test(value) ? REDACTED : value;
}
function parseArn(arn) {
  const parts = (arn ?? "").split(":");
  if (parts[0] !== "arn" || parts.length < 6) return {};
  return { ...parts[3] ? { region: parts[3] } : {}, .../^\d{12}$/.test(parts[4] ?? "") ? { account: parts[4] } : {} };
}
function stackNameFrom(stackId) {
  const name = /:stack\/([^/]+)\//.exec(stackId ?? "")?.[1];
  return name ? { stack: name } : {};
}

// src/app/live-change-set.ts
async function liveChangeSetPlans(target) {
  if (!target.changeSet.startsWith("arn:") && !target.stack) throw new UsageError("--change-set NAME needs --stack (or give the change set ARN)");
  const aws = await import("./cloudformation-OCWIMPQJ.js");
  const session = await aws.openSession(target.region);
  const pages = await aws.describeChangeSetTree(session, target.changeSet, target.stack);
  const stackName = target.stack ?? pages[0]?.StackName;
  const stack = stackName ? await aws.describeStack(session, stackName) : void 0;
  const label = `cloudformation:${stackName ?? "?"}/${String(pages[0]?.ChangeSetName ?? target.changeSet)}`;
  return cloudFormationPlans(
    pages.map((doc) => ({ path: label, doc, notes: [] })),
    { ...stack ? { stackTags: stack.tags } : {} }
  );
}
async function createChangeSetPlans(req) {
  let templateBody;
  try {
    templateBody = await readFile(req.templatePath, "utf8");
  } catch {
    throw new InputError(req.templatePath, "template not found or unreadable");
  }
  if (Buffer.byteLength(templateBody) > 51200) {
    throw new UsageError(`${req.templatePath} is ${Buffer.byteLength(templateBody)} bytes: CloudFormation takes at most 51,200 bytes inline, and Steer does not upload templates to S3 yet \u2014 create the change set with "cdk deploy --method=prepare-change-set" or the AWS CLI, then run "steer plan-check --stack \u2026 --change-set \u2026"`);
  }
  const aws = await import("./cloudformation-OCWIMPQJ.js");
  const session = await aws.openSession(req.region);
  const existing = await aws.describeStack(session, req.stack);
  const type = existing && existing.status !== "REVIEW_IN_PROGRESS" ? "UPDATE" : "CREATE";
  const arn = await aws.createChangeSet(session, {
    stack: req.stack,
    name: req.name ?? `steer-${(/* @__PURE__ */ new Date()).toISOString().replace(/[^0-9]/g, "").slice(0, 14)}`,
    templateBody,
    type,
    parameters: req.parameters.map(keyValue("--parameters")).map(([ParameterKey, ParameterValue]) => ({ ParameterKey, ParameterValue })),
    tags: req.tags.map(keyValue("--tags")).map(([Key, Value]) => ({ Key, Value })),
    capabilities: req.capabilities
  });
  await aws.waitForChangeSet(session, arn, { timeoutMs: req.timeoutMs, pollMs: req.pollMs });
  const plans = await liveChangeSetPlans({ changeSet: arn, stack: req.stack, ...req.region ? { region: req.region } : {} });
  return { arn, type, plans };
}
function keyValue(option) {
  return (pair) => {
    const at = pair.indexOf("=");
    if (at <= 0) throw new UsageError(`${option} expects Key=Value, got "${pair}"`);
    return [pair.slice(0, at), pair.slice(at + 1)];
  };
}

// src/sources/decode.ts
import { isUtf8 } from "node:buffer";
function decodeInput(bytes, file) {
  if (bytes.length === 0) throw new InputError(file, "the file is empty");
  if (bytes[0] === 80 && bytes[1] === 75 && bytes[2] === 3 && bytes[3] === 4) return { kind: "saved-terraform-plan" };
  if (bytes[0] === 255 && bytes[1] === 254) return decodeWith("utf-16le", bytes.subarray(2), file, "UTF-16LE with BOM (as PowerShell writes it); decoded");
  if (bytes[0] === 254 && bytes[1] === 255) return decodeWith("utf-16be", bytes.subarray(2), file, "UTF-16BE with BOM; decoded");
  if (bytes[0] === 239 && bytes[1] === 187 && bytes[2] === 191) return decodeWith("utf-8", bytes.subarray(3), file, void 0);
  return decodeWith("utf-8", bytes, file, void 0);
}
function decodeWith(encoding, bytes, file, note) {
  if (encoding === "utf-8" && isUtf8(bytes)) return { kind: "text", text: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("utf8"), notes: note ? [note] : [] };
  try {
    const text2 = new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
    return { kind: "text", text: text2, notes: note ? [note] : [] };
  } catch {
    throw new InputError(file, `not ${encoding.toUpperCase()} text (binary or another encoding); give the output of "terraform show -json" or a saved plan file`);
  }
}
function parseJsonText(text2, file) {
  try {
    return JSON.parse(text2);
  } catch (e) {
    const message = (e instanceof Error ? e.message : String(e)).split("\n")[0];
    const truncated = /end of JSON input|Unterminated string/i.test(message ?? "") ? " \u2014 the file looks truncated" : "";
    throw new InputError(file, `not valid JSON (${message})${truncated}`);
  }
}

// src/sources/detect.ts
function isRecord(v) {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
function detectFormat(doc) {
  if (looksLikeTerraformPlan(doc)) return "terraform-plan";
  if (looksLikeTerraformState(doc)) return "terraform-state";
  if (isRecord(doc) && Array.isArray(doc.Changes) && ("ChangeSetId" in doc || "ChangeSetName" in doc || "StackId" in doc || "StackName" in doc)) {
    return "cloudformation-change-set";
  }
  if (Array.isArray(doc) && doc.length > 0 && doc.every((e) => isRecord(e) && isRecord(e.resourceChange))) return "cloudformation-console-changes";
  return "unknown";
}

// src/sources/load.ts
function plansFromDocuments(docs, ctx) {
  const plans = [];
  const changeSets = [];
  for (const input of docs) {
    const format = detectFormat(input.doc);
    switch (format) {
      case "terraform-plan":
        plans.push(
          parseTerraformPlan(input.doc, {
            path: input.path,
            inputNotes: input.notes,
            ...ctx.workspace !== void 0 ? { workspace: ctx.workspace } : {},
            ...input.tool !== void 0 ? { tool: input.tool } : {}
          })
        );
        break;
      case "cloudformation-change-set":
        changeSets.push(input);
        break;
      case "terraform-state":
        throw new InputError(input.path, 'this is Terraform state, not a plan; run "terraform plan -out=tfplan" and give "terraform show -json tfplan"');
      case "cloudformation-console-changes":
        throw new InputError(
          input.path,
          `this is the CloudFormation console's "JSON changes" export, which omits the change set id, status and policy actions; give "aws cloudformation describe-change-set" output instead`
        );
      case "unknown":
        throw new InputError(input.path, "not a Terraform/OpenTofu JSON plan or a CloudFormation DescribeChangeSet output (no format_version or Changes found)");
      default: {
        const never = format;
        throw new Error(`unhandled format ${String(never)}`);
      }
    }
  }
  if (changeSets.length > 0) plans.push(...cloudFormationPlans(changeSets));
  return plans;
}

// src/app/plan-check.ts
var STREAM_THRESHOLD = 256 * 1024 * 1024;
async function planCheck(req) {
  const docs = [];
  const streamed = [];
  for (const path of await expandInputPaths(req.inputs)) {
    const read = await readInput(path, req);
    if ("plan" in read) streamed.push(read.plan);
    else docs.push(read);
  }
  const plans = [...plansFromDocuments(docs, { ...req.workspace !== void 0 ? { workspace: req.workspace } : {} }), ...streamed, ...req.plans ?? []];
  if (req.live) plans.push(...await liveChangeSetPlans(req.live));
  if (plans.length === 0) throw new UsageError("nothing to analyze: give plan files, or --stack and --change-set");
  return assess(plans, {
    config: req.config,
    agentAuthored: req.agentAuthored,
    ...req.env !== void 0 ? { explicitEnv: req.env } : {}
  });
}
async function readInput(path, req) {
  const size = await inputSize(path);
  if (size !== void 0 && (req.stream || size > STREAM_THRESHOLD)) {
    const head = await peekBytes(path, 4);
    const isZip = head[0] === 80 && head[1] === 75 && head[2] === 3 && head[3] === 4;
    const isUtf16 = head[0] === 255 && head[1] === 254 || head[0] === 254 && head[1] === 255;
    const ctx = { path, ...req.workspace !== void 0 ? { workspace: req.workspace } : {} };
    const { streamTerraformPlan } = await import("./stream-YXP4RC5D.js");
    if (isZip) {
      const shown = streamSavedPlan(path, req.tfBin, req.tfChdir);
      const [plan] = await Promise.all([
        streamTerraformPlan(shown.stdout, { ...ctx, tool: shown.tool, inputNotes: [`saved plan rendered with "${req.tfBin} show -json"`] }),
        shown.done
      ]);
      return { plan };
    }
    if (!isUtf16) return { plan: await streamTerraformPlan(openInputStream(path), ctx) };
  }
  return readDocument(path, req);
}
async function readDocument(path, req) {
  const decoded = decodeInput(await readInputBytes(path), path);
  if (decoded.kind === "saved-terraform-plan") {
    if (path === "-") throw new InputError(path, `a saved plan can't be read from standard input (terraform show needs the file); give its path, or pipe "terraform show -json" output`);
    const shown = await showSavedPlan(path, req.tfBin, req.tfChdir);
    return { path, doc: parseJsonText(shown.text, path), notes: [`saved plan rendered with "${req.tfBin} show -json"`], tool: shown.tool };
  }
  return { path, doc: parseJsonText(decoded.text, path), notes: decoded.notes };
}

// src/app/apply.ts
async function applyApprovedPlan(req) {
  const head = await peekBytes(req.planPath, 4).catch(() => Buffer.alloc(0));
  if (!(head[0] === 80 && head[1] === 75)) {
    throw new UsageError(`${req.planPath} is not a saved plan: steer apply applies the file "terraform plan -out=FILE" wrote, never JSON and never a fresh plan`);
  }
  const report = await planCheck({
    inputs: [req.planPath],
    config: req.config,
    tfBin: req.tfBin,
    agentAuthored: false,
    workspace: req.workspace,
    ...req.tfChdir ? { tfChdir: req.tfChdir } : {},
    ...req.env ? { env: req.env } : {}
  });
  req.onReport(report);
  const base = { time: (/* @__PURE__ */ new Date()).toISOString(), command: "apply", plan: req.planPath, digest: report.digest, verdict: report.verdict };
  let approval;
  try {
    approval = await requireApproval({ report, confirmName: req.workspace, maxAgeHours: req.config.approvals.maxAgeHours, ...req.github ? { github: req.github } : {} });
  } catch (e) {
    appendAudit(req.auditLog, { ...base, outcome: "refused", reason: e instanceof Error ? e.message : String(e) });
    throw e;
  }
  appendAudit(req.auditLog, { ...base, outcome: "approved", approver: approval.approver, source: approval.source, detail: approval.detail });
  const result = await applySavedPlan(req.planPath, req.tfBin, req.tfChdir);
  if (result.stale) {
    process.stderr.write("steer: terraform refused the saved plan because the state changed after it was made. Plan again: the new plan needs its own review and approval.\n");
  }
  appendAudit(req.auditLog, { ...base, time: (/* @__PURE__ */ new Date()).toISOString(), outcome: result.exitCode === 0 ? "applied" : result.stale ? "stale-plan" : "apply-failed", exitCode: result.exitCode, approver: approval.approver, source: approval.source });
  return result.exitCode;
}

// src/app/load-config.ts
import { join } from "node:path";
var CONFIG_FILE_NAMES = ["steer.yml", ".steer.yml", "steer.yaml", ".steer.yaml"];
async function loadConfig(cwd, explicit) {
  if (explicit !== void 0) {
    const text2 = await readTextFileIfExists(explicit);
    if (text2 === void 0) throw new ConfigError(explicit, "config file not found");
    return { config: await parseConfigLazily(text2, explicit), file: explicit };
  }
  for (const name of CONFIG_FILE_NAMES) {
    const file = join(cwd, name);
    const text2 = await readTextFileIfExists(file);
    if (text2 !== void 0) return { config: await parseConfigLazily(text2, name), file: name };
  }
  return { config: DEFAULT_CONFIG };
}
async function parseConfigLazily(text2, file) {
  const { parseConfig } = await import("./parse-L3OY674V.js");
  return parseConfig(text2, file);
}

// src/render/summary.ts
function countActions(changes) {
  const counts = Object.fromEntries(ACTIONS.map((a) => [a, 0]));
  for (const c of changes) counts[c.change.action] += 1;
  return counts;
}
function reportCounts(report) {
  return countActions(report.plans.flatMap((p) => p.changes));
}
var ACTION_PHRASES = {
  create: "to create",
  update: "to update",
  replace: "to replace",
  delete: "to delete",
  read: "to read",
  "no-op": "unchanged",
  forget: "to forget",
  move: "to move",
  import: "to import"
};
function countsSentence(counts) {
  const order = ["delete", "replace", "forget", "update", "create", "import", "move", "read"];
  const parts = order.filter((a) => counts[a] > 0).map((a) => `${counts[a]} ${ACTION_PHRASES[a]}`);
  return parts.length > 0 ? parts.join(", ") : "no changes";
}
var VERDICT_TITLES = {
  allow: "ALLOWED",
  review: "REVIEW REQUIRED",
  block: "BLOCKED"
};
function headline(report) {
  const all = report.plans.flatMap((p) => p.changes);
  const dataLoss = all.filter((c) => c.dataLoss && c.production.length > 0).length;
  const prodDestroys = all.filter((c) => isDestructive(c) && c.production.length > 0).length;
  const top = report.findings[0];
  if (report.verdict === "allow") {
    return all.some(isDestructive) ? "no destructive change on production" : "no destructive changes";
  }
  const parts = [];
  if (dataLoss > 0) parts.push(`${dataLoss} production change(s) destroy data`);
  else if (prodDestroys > 0) parts.push(`${prodDestroys} destructive change(s) on production`);
  if (parts.length === 0 && top) parts.push(top.message);
  return parts.join("; ");
}
var RANK = {
  delete: 0,
  replace: 1,
  forget: 2,
  update: 3,
  import: 4,
  create: 5,
  move: 6,
  read: 7,
  "no-op": 8
};
function reviewOrder(changes) {
  const weight = (c) => {
    const prod = c.production.length > 0;
    const destructive = isDestructive(c);
    const tier = c.verdict === "block" ? 0 : prod && c.dataLoss ? 1 : prod && destructive ? 2 : destructive ? 3 : 4;
    return tier * 100 + RANK[c.change.action];
  };
  return changes.map((c, i) => ({ c, i, w: weight(c) })).sort((a, b) => a.w - b.w || a.i - b.i).map(({ c }) => c);
}

// src/render/text.ts
var SYMBOLS = {
  create: "+",
  update: "~",
  replace: "-/+",
  delete: "-",
  read: "<=",
  "no-op": " ",
  forget: "x",
  move: "->",
  import: "<-"
};
function renderText(report, options) {
  const paint = options.color ? (code2, text2) => `\x1B[${code2}m${text2}\x1B[0m` : (_code, text2) => text2;
  const verdictColor = { allow: "32", review: "33", block: "31" }[report.verdict];
  const lines = [];
  lines.push(`${paint(`1;${verdictColor}`, `steer: ${VERDICT_TITLES[report.verdict]}`)} \u2014 ${clean(headline(report))}`);
  lines.push(`digest ${report.digest}${report.agentAuthored ? "  \xB7  agent-authored change" : ""}`);
  for (const plan of report.plans) lines.push("", ...planLines(plan, paint));
  if (report.findings.length > 0) {
    lines.push("", paint("1", "Findings"));
    for (const f of report.findings) {
      const sev = f.severity === "block" ? paint("31", "block ") : f.severity === "review" ? paint("33", "review") : paint("2", "info  ");
      lines.push(`  ${sev} ${f.code}  ${clean(f.message)}`);
    }
  }
  lines.push("", clean(nextStep(report)));
  return `${lines.join("\n")}
`;
}
function planLines(p, paint) {
  const { plan } = p;
  const counts = countActions(p.changes);
  const tool = [plan.source, plan.toolVersion].filter(Boolean).join(" ");
  const where = [plan.target.workspace && `workspace ${plan.target.workspace}`, plan.target.stack && `stack ${plan.target.stack}`, plan.target.changeSetArn].filter(Boolean).join(" \xB7 ");
  const out = [paint("1", `Plan ${clean(plan.target.path)}`) + ` \xB7 ${clean(tool)}${where ? ` \xB7 ${clean(where)}` : ""} \xB7 ${countsSentence(counts)}`];
  if (p.production.length > 0) out.push(`  ${paint("35", "production")}: ${clean(p.production.map((s) => s.detail).join("; "))}`);
  for (const reason of plan.incompleteReasons) out.push(`  ${paint("31", "incomplete")}: ${clean(reason)}`);
  const shown = reviewOrder(p.changes).filter((c) => c.change.action !== "no-op" && c.change.action !== "read");
  for (const c of shown) out.push(...changeLines(c, p.production.length, paint));
  const hidden = p.changes.length - shown.length;
  if (hidden > 0) out.push(paint("2", `  (${hidden} unchanged or read-only not shown)`));
  if (plan.drift.length > 0) out.push(paint("2", `  drift (changed outside the tool, not planned): ${plan.drift.length} resource(s)`));
  if (plan.outputs.length > 0) {
    const changed = plan.outputs.filter((o) => o.action !== "no-op");
    if (changed.length > 0) out.push(paint("2", `  outputs: ${changed.map((o) => `${clean(o.name)} (${o.action})`).join(", ")}`));
  }
  return out;
}
function changeLines(c, planSignals, paint) {
  const { change } = c;
  const destructive = change.destroys || change.mayReplace || change.forgets || change.replacementUnknown;
  const color = change.destroys ? "31" : destructive ? "33" : change.action === "create" ? "32" : "36";
  const action = change.mayReplace ? "may replace" : change.replacementUnknown ? "replace?" : change.action;
  const tags = [];
  if (c.stateful) tags.push(`[${c.stateful}]`);
  if (c.dataLoss) tags.push(paint("1;31", "DATA LOSS"));
  if (c.production.length > 0) tags.push(paint("35", "PRODUCTION"));
  if (c.verdict === "block") tags.push(paint("1;31", "BLOCKED"));
  const type = change.address.includes(change.type) ? "" : ` ${paint("2", clean(change.type))}`;
  const head = `  ${paint(color, `${SYMBOLS[change.action].padEnd(3)} ${action.padEnd(8)}`)} ${clean(change.address)}${type}${change.deposedKey ? ` (deposed ${clean(change.deposedKey)})` : ""}  ${tags.join(" ")}`;
  const out = [head.trimEnd()];
  if (!destructive && change.action !== "move") return out;
  const detail = (label, text2) => void out.push(`        ${paint("2", label)} ${clean(text2)}`);
  if (change.reasons.forcedBy.length > 0) detail("forced by:", change.reasons.forcedBy.join(", "));
  for (const note of change.reasons.notes) detail("why:", note);
  if (change.replaceOrder) detail("order:", change.replaceOrder === "create-before-destroy" ? "new object created first, then the old one destroyed" : "destroyed first, then re-created (downtime)");
  if (change.policyAction) detail("policy:", `PolicyAction ${change.policyAction}`);
  if (change.previousAddress) detail("moved from:", change.previousAddress);
  const own = c.production.slice(planSignals);
  if (own.length > 0) detail("production:", own.map((s) => s.detail).join("; "));
  return out;
}
function nextStep(report) {
  switch (report.verdict) {
    case "allow":
      return "Exit 0: nothing here needs a human.";
    case "review":
      return `Exit 2: a human must review and approve this exact plan (digest ${report.digest.slice(0, 12)}\u2026) before it is applied.`;
    case "block":
      return "Exit 3: blocked. Change the plan; this one must not be applied.";
    default: {
      const never = report.verdict;
      return String(never);
    }
  }
}
function clean(text2) {
  return text2.replace(/[\x00-\x08\x0b-\x1f\x7f\x9b]/g, "?");
}

// src/cli/apply.ts
function applyCommand() {
  return new Command("apply").description("Apply exactly the approved saved Terraform plan (never a fresh plan). Exit: terraform's code; 2 not approved; 3 blocked; 1 error.").argument("<saved-plan>", 'the file "terraform plan -out=FILE" wrote').option("--tf-bin <path>", "terraform or tofu binary", "terraform").option("--tf-chdir <dir>", "working directory for terraform (default: the plan file's directory)").option("-c, --config <file>", "policy file (default: steer.yml or .steer.yml)").option("--env <name>", "the environment (adds a production signal)").option("--workspace <name>", 'workspace name a human must type to approve on a terminal (default: $TF_WORKSPACE or "default")').option("--github-pr <number>", "read the approval from this pull request's steer check (default: the workflow's pull request)").option("--audit-log <file>", "JSON Lines audit log", ".steer/audit.jsonl").exitOverride().action(async (planPath, opts) => {
    const { config } = await loadConfig(process.cwd(), opts.config);
    const github = gitHubTarget(opts.githubPr, process.env, eventPullNumber(process.env.GITHUB_EVENT_PATH));
    process.exitCode = await applyApprovedPlan({
      planPath,
      tfBin: opts.tfBin,
      config,
      workspace: opts.workspace ?? process.env.TF_WORKSPACE ?? "default",
      auditLog: opts.auditLog,
      onReport: (report) => process.stdout.write(renderText(report, { color: process.stdout.isTTY === true && !process.env.NO_COLOR })),
      ...opts.tfChdir ? { tfChdir: opts.tfChdir } : {},
      ...opts.env ? { env: opts.env } : {},
      ...github ? { github } : {}
    });
  });
}

// src/adapters/fs/write-output.ts
import { createWriteStream } from "node:fs";
import { once } from "node:events";
import { mkdir } from "node:fs/promises";
import { dirname as dirname4 } from "node:path";
async function writeChunks(stream, chunks) {
  for (const chunk of chunks) {
    if (!stream.write(chunk)) await once(stream, "drain");
  }
}
async function writeStdoutChunks(chunks) {
  let closed = false;
  process.stdout.on("error", (e) => {
    if (e.code === "EPIPE") closed = true;
    else throw e;
  });
  try {
    for (const chunk of chunks) {
      if (closed) return;
      if (!process.stdout.write(chunk)) await once(process.stdout, "drain");
    }
  } catch (e) {
    if (e.code !== "EPIPE") throw e;
  }
}
async function writeOutputChunks(path, chunks) {
  try {
    await mkdir(dirname4(path), { recursive: true });
    const file = createWriteStream(path);
    await writeChunks(file, chunks);
    file.end();
    await once(file, "finish");
  } catch (e) {
    throw new InputError(path, `cannot write: ${e instanceof Error ? e.message : String(e)}`);
  }
}

// src/render/json.ts
var JSON_SCHEMA_VERSION = 1;
function* renderJsonChunks(report, toolVersion) {
  const marker = (i) => `__steer_changes_${i}__`;
  const skeleton = jsonReport(report, toolVersion, (i) => marker(i));
  const text2 = JSON.stringify(skeleton, null, 2);
  let at = 0;
  for (const [i, plan] of report.plans.entries()) {
    const quoted = `"${marker(i)}"`;
    const where = text2.indexOf(quoted, at);
    yield text2.slice(at, where);
    at = where + quoted.length;
    if (plan.changes.length === 0) {
      yield "[]";
      continue;
    }
    yield "[\n";
    for (const [j, c] of plan.changes.entries()) {
      yield `${j > 0 ? ",\n" : ""}${JSON.stringify(jsonChange(c), null, 2).replace(/^/gm, "        ")}`;
    }
    yield "\n      ]";
  }
  yield `${text2.slice(at)}
`;
}
function jsonReport(report, toolVersion, changesOf) {
  const all = report.plans.flatMap((p) => p.changes);
  return {
    schemaVersion: JSON_SCHEMA_VERSION,
    tool: { name: "steer", version: toolVersion },
    verdict: report.verdict,
    exitCode: exitCodeFor(report.verdict),
    digest: report.digest,
    agentAuthored: report.agentAuthored,
    summary: {
      ...reportCounts(report),
      dataLoss: all.filter((c) => c.dataLoss).length,
      production: all.filter((c) => c.production.length > 0).length
    },
    findings: report.findings.map((f) => ({ code: f.code, severity: f.severity, message: f.message, plan: f.plan, address: f.address ?? null })),
    plans: report.plans.map((p, i) => jsonPlan(p, changesOf ? changesOf(i) : p.changes.map(jsonChange)))
  };
}
function jsonPlan(p, changes) {
  const { plan } = p;
  const t = plan.target;
  return {
    path: t.path,
    source: plan.source,
    formatVersion: plan.formatVersion ?? null,
    toolVersion: plan.toolVersion ?? null,
    workspace: t.workspace ?? null,
    stack: t.stack ?? null,
    changeSetArn: t.changeSetArn ?? null,
    account: t.account ?? null,
    region: t.region ?? null,
    digest: plan.digest,
    verdict: p.verdict,
    errored: plan.errored,
    complete: plan.complete ?? null,
    incompleteReasons: plan.incompleteReasons,
    noChanges: plan.noChanges ?? false,
    notExecutable: plan.notExecutable ?? null,
    production: { signals: p.production },
    changes,
    drift: plan.drift.map((d) => ({ address: d.address, type: d.type, action: d.action })),
    outputs: plan.outputs.map((o) => ({ name: o.name, action: o.action, sensitive: o.sensitive })),
    deferred: plan.deferred.map((d) => ({ address: d.change.address, action: d.change.action, reason: d.reason })),
    inputNotes: plan.inputNotes
  };
}
function jsonChange(c) {
  const ch = c.change;
  return {
    address: ch.address,
    type: ch.type,
    provider: ch.provider ?? null,
    module: ch.module ?? null,
    mode: ch.mode,
    action: ch.action,
    sourceActions: ch.sourceActions,
    replaceOrder: ch.replaceOrder ?? null,
    destroys: ch.destroys,
    mayReplace: ch.mayReplace,
    replacementUnknown: ch.replacementUnknown,
    forgets: ch.forgets,
    previousAddress: ch.previousAddress ?? null,
    deposed: ch.deposedKey ?? null,
    importing: ch.importing,
    policyAction: ch.policyAction ?? null,
    stateful: c.stateful !== void 0,
    statefulCategory: c.stateful ?? null,
    dataLoss: c.dataLoss,
    production: c.production.length > 0,
    productionSignals: c.production,
    actionReason: ch.reasons.actionReason ?? null,
    forcedBy: ch.reasons.forcedBy,
    reasons: [...ch.reasons.forcedBy.map((p) => `${p} forces replacement`), ...ch.reasons.notes, ...ch.policyAction ? [`PolicyAction ${ch.policyAction}`] : []],
    protectionWeakened: ch.protectionWeakened ?? null,
    changedAttributes: ch.changedAttributes,
    verdict: c.verdict
  };
}

// src/render/markdown.ts
var MARKDOWN_LIMIT = 65e3;
var ICONS = { allow: "\u2705", review: "\u26A0\uFE0F", block: "\u26D4" };
function renderMarkdown(report, options = {}) {
  const limit = options.maxLength ?? MARKDOWN_LIMIT;
  const out = new Budget(limit - 400);
  if (options.marker) out.push(`${options.marker}
`);
  out.push(`## ${ICONS[report.verdict]} Steer: ${VERDICT_TITLES[report.verdict]}

`);
  out.push(`**${text(headline(report))}** \u2014 ${countsSentence(reportCounts(report))}.

`);
  out.push(`Plan digest: \`${report.digest}\`${report.agentAuthored ? " \xB7 \u{1F916} **agent-authored change**" : ""}

`);
  const all = report.plans.flatMap((p) => p.changes);
  const first = reviewOrder(all.filter((c) => isDestructive(c) && (c.production.length > 0 || c.verdict !== "allow")));
  if (first.length > 0) {
    out.push(`### Needs a human

`);
    let shown = 0;
    for (const c of first) {
      if (!out.push(destructiveItem(c))) break;
      shown += 1;
    }
    if (shown < first.length) out.forcePush(`- \u2026and ${first.length - shown} more not shown (comment size limit); see the JSON report.
`);
    out.push("\n");
  }
  const notable = report.findings.filter((f) => f.severity !== "info" || f.code === "STEER-DRIFT" || f.code === "STEER-INPUT-NOTE" || f.code === "STEER-DESTROY");
  if (notable.length > 0 && out.push(`<details><summary>Findings (${notable.length})</summary>

`)) {
    let shown = 0;
    for (const f of notable) {
      if (!out.push(`- **${f.severity}** \`${f.code}\` ${text(f.message)}
`)) break;
      shown += 1;
    }
    if (shown < notable.length) out.forcePush(`- \u2026and ${notable.length - shown} more not shown.
`);
    out.forcePush("\n</details>\n\n");
  }
  for (const p of report.plans) {
    const changes = reviewOrder(p.changes.filter((c) => c.change.action !== "no-op"));
    const title = `${text(p.plan.target.path)} \xB7 ${p.plan.source}${p.plan.toolVersion ? ` ${text(p.plan.toolVersion)}` : ""} \xB7 ${countsSentence(countActions(p.changes))}`;
    if (!out.push(`<details><summary>${title}</summary>

`)) break;
    if (p.production.length > 0) out.push(`Production: ${text(p.production.map((s) => s.detail).join("; "))}

`);
    for (const r of p.plan.incompleteReasons) out.push(`- \u2757 ${text(r)}
`);
    let shown = 0;
    for (const c of changes) {
      if (!out.push(`- ${c.change.action} ${code(c.change.address)}${c.stateful ? ` (${c.stateful})` : ""}${c.dataLoss ? " **data loss**" : ""}
`)) break;
      shown += 1;
    }
    if (shown < changes.length) out.forcePush(`- \u2026and ${changes.length - shown} more not shown.
`);
    if (p.plan.drift.length > 0) out.push(`
Drift (changed outside the tool, not planned): ${p.plan.drift.length} resource(s).
`);
    out.forcePush("\n</details>\n\n");
  }
  out.forcePush(footer(report));
  return out.toString();
}
function destructiveItem(c) {
  const ch = c.change;
  const action = ch.mayReplace ? "may be replaced" : ch.replacementUnknown ? "may be replaced (unknown)" : ch.action;
  const flags = [c.dataLoss ? "\u{1F525} **DATA LOSS**" : "", c.production.length > 0 ? "**production**" : "", c.verdict === "block" ? "\u26D4 **blocked**" : ""].filter(Boolean).join(" \xB7 ");
  const lines = [`- **${action}** ${code(ch.address)}${c.stateful ? ` (${c.stateful})` : ""} ${flags}
`];
  const why = [];
  if (ch.reasons.forcedBy.length > 0) why.push(`forced by ${ch.reasons.forcedBy.map(code).join(", ")}`);
  why.push(...ch.reasons.notes.map(text));
  if (ch.replaceOrder) why.push(ch.replaceOrder === "create-before-destroy" ? "new object created first" : "destroyed first, then re-created");
  if (ch.policyAction) why.push(`PolicyAction ${text(ch.policyAction)}`);
  if (why.length > 0) lines.push(`  - why: ${why.join("; ")}
`);
  if (c.production.length > 0) lines.push(`  - production because: ${text(c.production.map((s) => s.detail).join("; "))}
`);
  return lines.join("");
}
function footer(report) {
  switch (report.verdict) {
    case "allow":
      return "<sub>Steer: nothing here needs a human.</sub>\n";
    case "review":
      return "<sub>Steer: a human must approve this exact plan (the digest above) before it is applied. A new commit or a new plan needs a new approval.</sub>\n";
    case "block":
      return "<sub>Steer: blocked \u2014 this plan must not be applied. Change it and plan again.</sub>\n";
    default: {
      const never = report.verdict;
      return String(never);
    }
  }
}
function text(value) {
  return value.replace(/[\r\n]+/g, " ").replace(/([\\`*_[\]|~])/g, "\\$1").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/@/g, "&#64;");
}
function code(value) {
  const flat = value.replace(/[\r\n]+/g, " ").replace(/\|/g, "\\|");
  const longest = Math.max(0, ...(flat.match(/`+/g) ?? []).map((m) => m.length));
  const fence = "`".repeat(longest + 1);
  const pad = flat.startsWith("`") || flat.endsWith("`") ? " " : "";
  return `${fence}${pad}${flat}${pad}${fence}`;
}
var Budget = class {
  constructor(limit) {
    this.limit = limit;
  }
  limit;
  parts = [];
  used = 0;
  full = false;
  push(piece) {
    if (this.full || this.used + piece.length > this.limit) {
      this.full = true;
      return false;
    }
    this.parts.push(piece);
    this.used += piece.length;
    return true;
  }
  forcePush(piece) {
    this.parts.push(piece);
    this.used += piece.length;
  }
  toString() {
    return this.parts.join("");
  }
};

// src/render/sarif.ts
var import_node_sarif_builder = __toESM(require_dist(), 1);
function renderSarif(report, toolVersion) {
  const run2 = new import_node_sarif_builder.SarifRunBuilder().initSimple({ toolDriverName: "steer", toolDriverVersion: toolVersion });
  for (const [code2, text2] of Object.entries(FINDING_CODES)) {
    run2.addRule(new import_node_sarif_builder.SarifRuleBuilder().initSimple({ ruleId: code2, shortDescriptionText: text2 }));
  }
  for (const f of report.findings) {
    const path = report.plans[f.plan]?.plan.target.path ?? "-";
    const result = new import_node_sarif_builder.SarifResultBuilder().initSimple({
      ruleId: f.code,
      level: f.severity === "block" ? "error" : f.severity === "review" ? "warning" : "note",
      messageText: f.message,
      fileUri: path === "-" || path.startsWith("cloudformation:") ? "plan" : path.replace(/\\/g, "/"),
      startLine: 1
    });
    result.result.partialFingerprints = { steerFinding: `${f.code}:${f.address ?? path}` };
    run2.addResult(result);
  }
  const sarif = new import_node_sarif_builder.SarifBuilder();
  sarif.addRun(run2);
  return `${sarif.buildSarifJsonString({ indent: true })}
`;
}

// src/cli/version.ts
var STEER_VERSION = true ? "0.1.0" : "0.0.0-dev";

// src/cli/report-output.ts
function withReportOptions(command) {
  return command.addOption(new Option("-f, --format <format>", "output format").choices(["text", "json", "markdown", "sarif"]).default("text")).option("-o, --out <file>", "write the report to a file instead of standard output").option("--no-color", "no colours in text output (NO_COLOR is honoured too)");
}
async function emitReport(report, opts) {
  const color = opts.color && opts.out === void 0 && process.stdout.isTTY === true && !process.env.NO_COLOR;
  const chunks = opts.format === "json" ? renderJsonChunks(report, STEER_VERSION) : [single(report, opts.format, color)];
  if (opts.out !== void 0) {
    await writeOutputChunks(opts.out, chunks);
    process.stderr.write(`steer: ${VERDICT_TITLES[report.verdict]} (digest ${report.digest}); report written to ${opts.out}
`);
  } else {
    await writeStdoutChunks(chunks);
  }
  process.exitCode = exitCodeFor(report.verdict);
}
function single(report, format, color) {
  switch (format) {
    case "markdown":
      return renderMarkdown(report);
    case "sarif":
      return renderSarif(report, STEER_VERSION);
    case "text":
      return renderText(report, { color });
    default: {
      const never = format;
      throw new Error(`unknown format ${String(never)}`);
    }
  }
}

// src/cli/changeset.ts
function changesetCommand() {
  const create = withReportOptions(
    new Command("create").description("Create a CloudFormation change set (never executed), wait for it, and analyze it like plan-check. Prints its ARN: approvals bind to it.").option("--stack <name>", "stack name (CREATE when it does not exist yet, UPDATE otherwise); with --cdk, which stack of the app").option("--template <file>", "template file (JSON or YAML)").option("--cdk <cdk.out>", "an AWS CDK cloud assembly: a change set per stack template (assets must already be published)")
  ).option("--parameters <Key=Value...>", "template parameters", []).option("--tags <Key=Value...>", "stack tags", []).option("--name <name>", "change set name (default: steer-<timestamp>)").option("--capabilities <capability...>", "e.g. CAPABILITY_IAM CAPABILITY_NAMED_IAM CAPABILITY_AUTO_EXPAND", []).option("--region <region>", "AWS region (default: the standard AWS chain)").option("-c, --config <file>", "policy file (default: steer.yml or .steer.yml)").option("--env <name>", "the environment this stack is (adds a production signal when it names production)").option("--agent", "the change was authored by an AI agent").option("--timeout <seconds>", "how long to wait for the change set", "600").exitOverride().action(async (opts) => {
    const { config } = await loadConfig(process.cwd(), opts.config);
    const targets = await changeSetTargets(opts);
    const plans = [];
    for (const target of targets) {
      const created = await createChangeSetPlans({
        stack: target.stack,
        templatePath: target.templatePath,
        parameters: opts.parameters,
        tags: opts.tags,
        capabilities: opts.capabilities,
        timeoutMs: Number(opts.timeout) * 1e3,
        pollMs: Number(process.env.STEER_CFN_POLL_MS ?? 2e3),
        ...opts.name ? { name: opts.name } : {},
        ...opts.region ? { region: opts.region } : {}
      });
      process.stderr.write(`steer: created ${created.type} change set ${created.arn} (not executed)
`);
      plans.push(...created.plans);
    }
    const report = await planCheck({
      inputs: [],
      plans,
      config,
      tfBin: "terraform",
      agentAuthored: opts.agent === true,
      ...opts.env !== void 0 ? { env: opts.env } : {}
    });
    await emitReport(report, opts);
  });
  return new Command("changeset").description("CloudFormation change sets: create and analyze, never execute").exitOverride().addCommand(create);
}
async function changeSetTargets(opts) {
  if (opts.cdk) {
    const { cdkStacks } = await import("./cdk-5V6BWV3B.js");
    const stacks = cdkStacks(opts.cdk, opts.stack);
    const blocked = stacks.filter((s) => s.unpublishedAssets.length > 0);
    if (blocked.length > 0) {
      throw new UsageError(
        `out of scope: ${blocked.map((s) => `${s.stackName} needs ${s.unpublishedAssets.join(", ")}`).join("; ")} \u2014 Steer does not publish CDK assets. Use "cdk deploy --method=prepare-change-set" (it publishes them and creates the change set), then "steer plan-check --stack NAME --change-set NAME"`
      );
    }
    return stacks.map((s) => ({ stack: s.stackName, templatePath: s.templatePath }));
  }
  if (!opts.stack || !opts.template) throw new UsageError("give --stack and --template, or --cdk <cdk.out>");
  return [{ stack: opts.stack, templatePath: opts.template }];
}

// src/app/execute.ts
async function executeApprovedChangeSet(req) {
  const plans = await liveChangeSetPlans({ stack: req.stack, changeSet: req.changeSet, ...req.region ? { region: req.region } : {} });
  const report = assess(plans, { config: req.config, ...req.env ? { explicitEnv: req.env } : {} });
  req.onReport(report);
  const root = plans[0];
  const arn = root.target.changeSetArn ?? req.changeSet;
  const base = { time: (/* @__PURE__ */ new Date()).toISOString(), command: "execute", stack: req.stack, changeSet: arn, digest: report.digest, verdict: report.verdict };
  const refuse = (reason, exitCode2) => {
    appendAudit(req.auditLog, { ...base, outcome: "refused", reason });
    throw new RefusedError(reason, exitCode2);
  };
  if (plans.length !== 1) refuse(`expected one root change set, found ${plans.length}`, 1);
  if (root.noChanges) {
    appendAudit(req.auditLog, { ...base, outcome: "no-changes" });
    process.stderr.write("steer: the change set contains no changes: nothing to execute.\n");
    return 0;
  }
  if (root.notExecutable) refuse(root.notExecutable, 1);
  let approval;
  try {
    approval = await requireApproval({ report, confirmName: req.stack, maxAgeHours: req.config.approvals.maxAgeHours, ...req.github ? { github: req.github } : {} });
  } catch (e) {
    if (e instanceof RefusedError) refuse(e.message, e.exitCode);
    throw e;
  }
  appendAudit(req.auditLog, { ...base, outcome: "approved", approver: approval.approver, source: approval.source, detail: approval.detail });
  const aws = await import("./cloudformation-OCWIMPQJ.js");
  const { executeRootChangeSet, waitForStackToSettle } = await import("./execute-LUVIT2KY.js");
  const session = await aws.openSession(req.region);
  await executeRootChangeSet(session, arn);
  const outcome = await waitForStackToSettle(session, req.stack, { timeoutMs: req.timeoutMs, pollMs: req.pollMs });
  appendAudit(req.auditLog, { ...base, time: (/* @__PURE__ */ new Date()).toISOString(), outcome: outcome.succeeded ? "executed" : "failed", stackStatus: outcome.status, reason: outcome.reason, approver: approval.approver, source: approval.source });
  process.stderr.write(`steer: stack ${req.stack} is ${outcome.status}${outcome.reason ? ` (${outcome.reason})` : ""}
`);
  return outcome.succeeded ? 0 : 1;
}

// src/cli/execute.ts
function executeCommand() {
  return new Command("execute").description("Execute exactly the approved CloudFormation change set (root only) and wait for the stack. Exit: 0 done; 2 not approved; 3 blocked; 1 error or rollback.").requiredOption("--stack <name>", "stack name").requiredOption("--change-set <name|arn>", "the change set (its ARN is what the approval is bound to)").option("--region <region>", "AWS region (default: the standard AWS chain)").option("-c, --config <file>", "policy file (default: steer.yml or .steer.yml)").option("--env <name>", "the environment (adds a production signal)").option("--github-pr <number>", "read the approval from this pull request's steer check (default: the workflow's pull request)").option("--audit-log <file>", "JSON Lines audit log", ".steer/audit.jsonl").option("--timeout <seconds>", "how long to wait for the stack", "3600").exitOverride().action(async (opts) => {
    const { config } = await loadConfig(process.cwd(), opts.config);
    const github = gitHubTarget(opts.githubPr, process.env, eventPullNumber(process.env.GITHUB_EVENT_PATH));
    process.exitCode = await executeApprovedChangeSet({
      stack: opts.stack,
      changeSet: opts.changeSet,
      config,
      auditLog: opts.auditLog,
      timeoutMs: Number(opts.timeout) * 1e3,
      pollMs: Number(process.env.STEER_CFN_POLL_MS ?? 5e3),
      onReport: (report) => process.stdout.write(renderText(report, { color: process.stdout.isTTY === true && !process.env.NO_COLOR })),
      ...opts.region ? { region: opts.region } : {},
      ...opts.env ? { env: opts.env } : {},
      ...github ? { github } : {}
    });
  });
}

// src/app/init.ts
import { mkdir as mkdir2, readFile as readFile2, writeFile } from "node:fs/promises";
import { dirname as dirname5, join as join2 } from "node:path";

// src/app/init-templates.ts
var guardCommand2 = (runtime) => `npx --no-install steer guard --runtime ${runtime} || exit 2`;
var CLAUDE_DENY_RULES = [
  "Bash(terraform apply *)",
  "Bash(terraform destroy *)",
  "Bash(terraform state rm *)",
  "Bash(terraform import *)",
  "Bash(terraform force-unlock *)",
  "Bash(tofu apply *)",
  "Bash(tofu destroy *)",
  "Bash(terragrunt apply *)",
  "Bash(terragrunt destroy *)",
  "Bash(terragrunt run-all *)",
  "Bash(aws cloudformation deploy *)",
  "Bash(aws cloudformation delete-stack *)",
  "Bash(aws cloudformation execute-change-set *)",
  "Bash(aws cloudformation update-stack *)",
  "Bash(cdk deploy *)",
  "Bash(cdk destroy *)",
  "Bash(npx cdk deploy *)",
  "Bash(cdktf deploy *)",
  "Bash(cdktf destroy *)",
  "Bash(sam deploy *)",
  "Bash(sam delete *)",
  "Bash(pulumi up *)",
  "Bash(pulumi destroy *)",
  "Bash(serverless deploy *)",
  "Bash(serverless remove *)"
];
function hookFile(runtime) {
  const command = guardCommand2(runtime);
  switch (runtime) {
    case "claude":
      return {
        path: ".claude/settings.json",
        merge: { hooks: { PreToolUse: [{ matcher: "Bash", hooks: [{ type: "command", command, timeout: 30 }] }] }, permissions: { deny: CLAUDE_DENY_RULES } }
      };
    case "codex":
      return { path: ".codex/hooks.json", merge: { hooks: { PreToolUse: [{ matcher: "shell|Bash|exec_command", hooks: [{ type: "command", command, timeout: 30 }] }] } } };
    case "cursor":
      return { path: ".cursor/hooks.json", merge: { version: 1, hooks: { beforeShellExecution: [{ command, failClosed: true }] } } };
    case "gemini":
      return { path: ".gemini/settings.json", merge: { hooks: { BeforeTool: [{ matcher: "run_shell_command", hooks: [{ type: "command", command, timeout: 3e4 }] }] } } };
    case "copilot":
      return { path: ".github/hooks/steer.json", merge: { version: 1, hooks: { preToolUse: [{ type: "command", bash: command, timeoutSec: 30 }] } } };
    case "kiro":
      return {
        path: ".kiro/agents/steer-guarded.json",
        merge: {
          name: "steer-guarded",
          description: "Default tools, with Steer denying direct infrastructure changes",
          tools: ["*"],
          hooks: { preToolUse: [{ matcher: "shell", command, timeout_ms: 3e4 }, { matcher: "execute_bash", command, timeout_ms: 3e4 }] }
        }
      };
    default: {
      const never = runtime;
      throw new Error(`unknown runtime ${String(never)}`);
    }
  }
}
var STARTER_POLICY = `# Steer policy. Read from the base branch by the PR gate. Schema: schema/steer.schema.json in the Steer repository.
version: 1
production:
  names: [prod, production, prd, live]
# protected:
#   - addresses: ["aws_db_instance.main"]
#     reason: customer data
rules:
  - name: agents never destroy data on their own
    match: { agent: true, stateful: true, actions: [delete, replace] }
    verdict: review
approvals:
  required: 1
guard:
  deny: []
  allow: []
`;
var GITHUB_WORKFLOW = `# Steer PR gate: runs from the base branch (pull_request_target), plans in the workflow,
# never takes plan files from the pull request. Require the "steer" check in a branch ruleset.
name: steer
on:
  pull_request_target:
    types: [opened, synchronize, reopened, ready_for_review]
  pull_request_review:
    types: [submitted, dismissed]
permissions:
  contents: read
  pull-requests: write
  issues: write
  checks: write
jobs:
  gate:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
        with:
          ref: \${{ github.event.pull_request.head.sha }}
          persist-credentials: false
      - uses: hashicorp/setup-terraform@v3
        with: { terraform_wrapper: false }
      - name: Plan in the workflow (read-only credentials)
        run: |
          terraform init -input=false -lockfile=readonly
          terraform plan -input=false -lock=false -out=tfplan
          terraform show -json tfplan > "$RUNNER_TEMP/plan.json"
      - uses: your-org/steer@v1
        with:
          plans: \${{ runner.temp }}/plan.json
`;

// src/app/init.ts
async function init(req) {
  const result = { written: [], unchanged: [] };
  for (const agent of req.agents) {
    const { path, merge } = hookFile(agent);
    await mergeJsonFile(join2(req.cwd, path), merge, result, path);
  }
  await writeIfMissing(join2(req.cwd, "steer.yml"), STARTER_POLICY, result, "steer.yml", [".steer.yml", "steer.yaml", ".steer.yaml"].map((n) => join2(req.cwd, n)));
  if (req.ci === "github") await writeIfMissing(join2(req.cwd, ".github/workflows/steer.yml"), GITHUB_WORKFLOW, result, ".github/workflows/steer.yml");
  return result;
}
async function mergeJsonFile(file, addition, result, label) {
  let current = {};
  let text2;
  try {
    text2 = await readFile2(file, "utf8");
  } catch {
    text2 = void 0;
  }
  if (text2 !== void 0 && text2.trim() !== "") {
    try {
      current = JSON.parse(text2);
    } catch (e) {
      throw new InputError(label, `not valid JSON, so it was left alone (${e instanceof Error ? e.message : String(e)})`);
    }
  }
  const merged = mergeJson(current, addition);
  const out = `${JSON.stringify(merged, null, 2)}
`;
  if (text2 !== void 0 && JSON.stringify(JSON.parse(text2 || "{}")) === JSON.stringify(merged)) {
    result.unchanged.push(label);
    return;
  }
  await mkdir2(dirname5(file), { recursive: true });
  await writeFile(file, out);
  result.written.push(label);
}
function mergeJson(current, addition) {
  if (Array.isArray(current) && Array.isArray(addition)) {
    const seen = new Set(current.map((x) => JSON.stringify(x)));
    return [...current, ...addition.filter((x) => !seen.has(JSON.stringify(x)))];
  }
  if (isObject(current) && isObject(addition)) {
    const out = { ...current };
    for (const [k, v] of Object.entries(addition)) out[k] = k in current ? mergeJson(current[k], v) : v;
    return out;
  }
  return current === void 0 ? addition : current;
}
function isObject(v) {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
async function writeIfMissing(file, text2, result, label, alternatives = []) {
  for (const candidate of [file, ...alternatives]) {
    try {
      await readFile2(candidate);
      result.unchanged.push(label);
      return;
    } catch {
    }
  }
  await mkdir2(dirname5(file), { recursive: true });
  await writeFile(file, text2);
  result.written.push(label);
}

// src/cli/init.ts
function initCommand() {
  return new Command("init").description("Write agent hook configuration (merged, never clobbered), a starter steer.yml and the CI workflow. Running it twice changes nothing.").addOption(new Option("--agent <runtime...>", "agent runtimes to guard").choices([...RUNTIMES]).default(["claude"])).addOption(new Option("--ci <ci>", "also write the PR-gate workflow").choices(["github"])).exitOverride().action(async (opts) => {
    const result = await init({ cwd: process.cwd(), agents: opts.agent, ...opts.ci ? { ci: opts.ci } : {} });
    for (const f of result.written) process.stdout.write(`wrote     ${f}
`);
    for (const f of result.unchanged) process.stdout.write(`unchanged ${f}
`);
    if (opts.agent.includes("kiro")) process.stdout.write('\nKiro CLI: start the guarded agent with "kiro-cli chat --agent steer-guarded" (or make it the default with "kiro-cli agent set-default steer-guarded").\n');
    process.stdout.write(`
The hooks run "npx --no-install steer": keep Steer in this project's devDependencies (a missing steer blocks every shell command, by design).
`);
    process.stdout.write("A local hook is a convenience, not the boundary: the PR gate (the steer check) is the line that holds.\n");
  });
}

// src/cli/progress.ts
function startProgress(label, stream = process.stderr, delayMs = 1e3) {
  if (!stream.isTTY) return { stop: () => void 0 };
  const started = Date.now();
  const frames = ["\u280B", "\u2819", "\u2839", "\u2838", "\u283C", "\u2834", "\u2826", "\u2827", "\u2807", "\u280F"];
  let frame = 0;
  let shown = false;
  const tick = () => {
    shown = true;
    frame = (frame + 1) % frames.length;
    stream.write(`\r${frames[frame]} steer: ${label} ${((Date.now() - started) / 1e3).toFixed(1)} s `);
  };
  let interval;
  const timer = setTimeout(() => {
    tick();
    interval = setInterval(tick, 150);
    interval.unref();
  }, delayMs);
  timer.unref();
  return {
    stop() {
      clearTimeout(timer);
      if (interval) clearInterval(interval);
      if (shown) stream.write("\r\x1B[2K");
    }
  };
}

// src/cli/plan-check.ts
function planCheckCommand() {
  const command = new Command("plan-check").description("Analyze Terraform/OpenTofu plans and CloudFormation change sets; exit 0 allow, 1 error, 2 review required, 3 blocked.").argument("[inputs...]", "plan JSON (terraform show -json), saved plan files, DescribeChangeSet JSON, directories of change-set JSON, or - for stdin");
  return withReportOptions(command).option("-c, --config <file>", "policy file (default: steer.yml or .steer.yml in the current directory)").option("--env <name>", "the environment these plans deploy to (adds a production signal when it names production)").option("--workspace <name>", "Terraform workspace the plans were made in (default: $TF_WORKSPACE)").option("--tf-bin <path>", "terraform or tofu binary used to read saved plans", "terraform").option("--tf-chdir <dir>", `working directory for "terraform show" on saved plans (default: the plan file's directory)`).option("--agent", "the change was authored by an AI agent (rules with agent: true apply)").option("--stream", "read Terraform JSON plans with the streaming reader (automatic above 256 MB)").option("--cdktf <dir>", "a synthesized CDK for Terraform app (cdktf.out): plan every stack (or take the plans already there)").option("--stack <name>", "CloudFormation stack of --change-set").option("--change-set <name|arn>", "analyze an existing change set through the AWS API (all pages, nested change sets)").option("--region <region>", "AWS region (default: the standard AWS chain, e.g. AWS_REGION)").exitOverride().action(async (inputs, opts) => {
    const { config } = await loadConfig(process.cwd(), opts.config);
    const workspace = opts.workspace ?? process.env.TF_WORKSPACE;
    const progress = startProgress(`analyzing ${inputs.length || 1} input(s)\u2026`);
    const cdktfPlans = opts.cdktf ? await (await import("./cdktf-R3H7WGVE.js")).cdktfStackPlans(opts.cdktf, opts.tfBin) : [];
    const report = await planCheck({
      inputs: [...inputs, ...cdktfPlans],
      config,
      tfBin: opts.tfBin,
      agentAuthored: opts.agent === true,
      stream: opts.stream === true,
      ...opts.env !== void 0 ? { env: opts.env } : {},
      ...workspace ? { workspace } : {},
      ...opts.tfChdir !== void 0 ? { tfChdir: opts.tfChdir } : {},
      ...opts.changeSet !== void 0 ? { live: { changeSet: opts.changeSet, ...opts.stack ? { stack: opts.stack } : {}, ...opts.region ? { region: opts.region } : {} } } : {}
    }).finally(() => progress.stop());
    await emitReport(report, opts);
  });
}

// src/cli/program.ts
function buildProgram() {
  const program = new Command("steer").description("Change-plan gate for infrastructure as code: deletions and replacements on production wait for a human.").version(STEER_VERSION).exitOverride().showHelpAfterError('(run "steer --help" for usage)');
  program.addCommand(planCheckCommand());
  program.addCommand(changesetCommand());
  program.addCommand(applyCommand());
  program.addCommand(executeCommand());
  program.addCommand(guardCommand());
  program.addCommand(initCommand());
  return program;
}

// src/cli/run.ts
var EXIT_ERROR = 1;
async function run(argv) {
  const program = buildProgram();
  try {
    await program.parseAsync([...argv]);
  } catch (e) {
    process.exitCode = errorExitCode(e);
  }
}
function errorExitCode(e) {
  if (e instanceof CommanderError) {
    return e.exitCode === 0 ? 0 : EXIT_ERROR;
  }
  if (e instanceof RefusedError) {
    process.stderr.write(`steer: refused: ${e.message}
`);
    return e.exitCode;
  }
  if (e instanceof SteerError) {
    process.stderr.write(`steer: error: ${e.message}
`);
    return EXIT_ERROR;
  }
  const detail = e instanceof Error ? e.stack ?? e.message : `non-Error thrown: ${String(e)}`;
  process.stderr.write(`steer: internal error (a bug in steer, please report it):
${detail}
`);
  return EXIT_ERROR;
}
export {
  EXIT_ERROR,
  run
};
