/**
 * Start-up settings for the language server's process and the command line's, imported before
 * anything else by lsp/main.ts and cli/main.ts.
 *
 * V8 normally runs a regular expression through its interpreter first and compiles it to machine
 * code only when it is used again, so each of the rules' several hundred patterns is prepared
 * twice while the first notes are checked, and preparing the interpreter's version of the large
 * word-list patterns is the slower of the two steps (the action-owner-missing timescales: about
 * 80 ms against 10 ms). Asking for machine code straight away brings the server's first
 * diagnostics about 0.1 s sooner and takes about 0.25 s off the command line's first hundred
 * notes (both measured by `npm run bench`); later checks are as fast as before. The setting is
 * for the whole process, so the command line's worker threads have it too.
 */
import { setFlagsFromString } from 'node:v8';

setFlagsFromString('--no-regexp-tier-up');
