// What the pure core may assume of every host beyond ECMAScript: the WHATWG text decoder, which
// Node, browsers and Office's webviews all provide. Declared here (the subset the core uses) because
// the core's project has neither DOM nor Node types; other projects get it from those.
declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean });
  readonly encoding: string;
  decode(input?: Uint8Array | ArrayBuffer): string;
}
