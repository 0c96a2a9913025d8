/**
 * Finds where, and in plain words why, a JSON text is malformed. `JSON.parse` reports an error
 * position only for some mistakes and words its messages for programmers, so after it fails we
 * scan the text once more with this small strict scanner to point the user at a line and column.
 */

export interface JsonSyntaxError {
  /** UTF-16 offset of the first character that cannot be right. */
  offset: number;
  reason: string;
}

class SyntaxProblem extends Error {
  constructor(
    readonly offset: number,
    readonly reason: string,
  ) {
    super(reason);
  }
}

const VALUE_EXPECTED = 'expected a value here: text in double quotes, a number, true, false, null, a list [ ] or an object { }';

/** Returns the first syntax error in `text`, or null when it is valid JSON. */
export function findJsonSyntaxError(text: string): JsonSyntaxError | null {
  const scanner = new Scanner(text);
  try {
    scanner.skipSpace();
    if (scanner.atEnd()) throw new SyntaxProblem(0, 'the file is empty; it must hold a JSON object such as { "rules": {} }');
    scanner.value();
    scanner.skipSpace();
    if (!scanner.atEnd()) throw new SyntaxProblem(scanner.pos, 'there is more text after the end of the settings object');
    return null;
  } catch (e) {
    if (e instanceof SyntaxProblem) return { offset: e.offset, reason: e.reason };
    throw e;
  }
}

class Scanner {
  pos = 0;
  /** Where the last comma was, so a trailing comma can be pointed at rather than the bracket after it. */
  private lastComma = 0;

  constructor(private readonly text: string) {}

  atEnd(): boolean {
    return this.pos >= this.text.length;
  }

  private peek(): string {
    return this.text[this.pos];
  }

  private endedEarly(): SyntaxProblem {
    return new SyntaxProblem(this.text.length, 'the file ends too early; a closing } or ] or " may be missing');
  }

  skipSpace(): void {
    while (!this.atEnd()) {
      const c = this.peek();
      if (c === ' ' || c === '\t' || c === '\n' || c === '\r') this.pos++;
      else if (c === '/' && (this.text[this.pos + 1] === '/' || this.text[this.pos + 1] === '*')) {
        throw new SyntaxProblem(this.pos, 'comments are not allowed in JSON');
      } else return;
    }
  }

  value(): void {
    if (this.atEnd()) throw this.endedEarly();
    const c = this.peek();
    if (c === '{') return this.object();
    if (c === '[') return this.array();
    if (c === '"') return this.string();
    if (c === "'") throw new SyntaxProblem(this.pos, 'use double quotes (") around text, not single quotes');
    if (c === '-' || (c >= '0' && c <= '9')) return this.number();
    for (const word of ['true', 'false', 'null']) {
      if (this.text.startsWith(word, this.pos)) {
        this.pos += word.length;
        return;
      }
    }
    throw new SyntaxProblem(this.pos, VALUE_EXPECTED);
  }

  private object(): void {
    this.pos++;
    this.skipSpace();
    if (this.peek() === '}') {
      this.pos++;
      return;
    }
    for (;;) {
      this.skipSpace();
      if (this.atEnd()) throw this.endedEarly();
      if (this.peek() === '}') throw new SyntaxProblem(this.lastComma, 'remove the comma after the last setting');
      if (this.peek() !== '"') throw new SyntaxProblem(this.pos, 'names of settings must be in double quotes');
      this.string();
      this.skipSpace();
      if (this.atEnd()) throw this.endedEarly();
      if (this.peek() !== ':') throw new SyntaxProblem(this.pos, 'expected a colon (:) after the name');
      this.pos++;
      this.skipSpace();
      this.value();
      this.skipSpace();
      if (this.atEnd()) throw this.endedEarly();
      if (this.peek() === ',') {
        this.lastComma = this.pos++;
        continue;
      }
      if (this.peek() === '}') {
        this.pos++;
        return;
      }
      throw new SyntaxProblem(this.pos, 'expected a comma (,) or a closing }');
    }
  }

  private array(): void {
    this.pos++;
    this.skipSpace();
    if (this.peek() === ']') {
      this.pos++;
      return;
    }
    for (;;) {
      this.skipSpace();
      if (this.atEnd()) throw this.endedEarly();
      if (this.peek() === ']') throw new SyntaxProblem(this.lastComma, 'remove the comma after the last item');
      this.value();
      this.skipSpace();
      if (this.atEnd()) throw this.endedEarly();
      if (this.peek() === ',') {
        this.lastComma = this.pos++;
        continue;
      }
      if (this.peek() === ']') {
        this.pos++;
        return;
      }
      throw new SyntaxProblem(this.pos, 'expected a comma (,) or a closing ]');
    }
  }

  private string(): void {
    this.pos++;
    while (!this.atEnd()) {
      const c = this.peek();
      if (c === '"') {
        this.pos++;
        return;
      }
      if (c === '\\') {
        const next = this.text[this.pos + 1];
        if (next === 'u' && /^[0-9a-fA-F]{4}$/.test(this.text.slice(this.pos + 2, this.pos + 6))) this.pos += 6;
        else if (next !== undefined && '"\\/bfnrt'.includes(next)) this.pos += 2;
        else throw new SyntaxProblem(this.pos, 'a backslash (\\) inside quotes must be written as \\\\');
        continue;
      }
      if (c.charCodeAt(0) < 0x20) throw new SyntaxProblem(this.pos, 'line breaks and tabs are not allowed inside quotes; is a closing " missing?');
      this.pos++;
    }
    throw this.endedEarly();
  }

  private number(): void {
    const match = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(this.text.slice(this.pos));
    if (!match) throw new SyntaxProblem(this.pos, VALUE_EXPECTED);
    this.pos += match[0].length;
  }
}
