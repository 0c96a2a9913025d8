/**
 * Start-up settings for the language server's process, imported before anything else.
 *
 * V8 normally runs a regular expression through its interpreter first and compiles it to machine
 * code only when it is used again, so each of the rules' several hundred patterns is prepared
 * twice while the first note is checked. The server keeps its patterns for hours, so it asks for
 * machine code straight away: the first note's diagnostics arrive about 0.1 s sooner (measured by
 * `npm run bench`), and later checks are as fast as before. The command line does not do this:
 * over a folder of short-lived runs the two-step preparation costs it nothing.
 */
import { setFlagsFromString } from 'node:v8';

setFlagsFromString('--no-regexp-tier-up');
