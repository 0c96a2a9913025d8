// Preloaded with `node --require` in one protocol test: makes the server fail while checking any
// note that contains the word CASELINT-TEST-FAULT, as a bug in a rule would. The error message
// repeats the start of the text it was given, as real parser errors do, so the test can prove the
// server's log leaves the note's words out. Other notes are untouched.
const SENTINEL = 'CASELINT-TEST-FAULT';
const exec = RegExp.prototype.exec;
RegExp.prototype.exec = function (input) {
  if (typeof input === 'string' && input.includes(SENTINEL)) {
    throw new TypeError(`Injected fault while reading: ${input.slice(0, 60)}`);
  }
  return exec.call(this, input);
};
