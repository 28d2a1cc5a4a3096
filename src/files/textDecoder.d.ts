/**
 * The WHATWG Encoding API's TextDecoder, which browsers and Node both provide (Apps Script does
 * not: nothing in files/ runs there). Declared by hand so this folder is checked with no DOM and
 * no Node types at all: anything else of theirs it used would not compile.
 */
declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean });
  decode(input?: Uint8Array): string;
}
