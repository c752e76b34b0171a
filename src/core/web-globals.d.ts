// WHATWG globals that exist in every runtime core runs in (browsers, extension
// workers, Node) but are not part of the ES library core is type-checked
// against. Declare only what core uses.
declare class URL {
  constructor(url: string, base?: string);
  readonly protocol: string;
  readonly hostname: string;
  readonly port: string;
  readonly pathname: string;
  readonly href: string;
}

declare class TextDecoder {
  decode(input: Uint8Array): string;
}

declare class TextEncoder {
  encode(input: string): Uint8Array;
}

declare function btoa(data: string): string;
declare function setTimeout(handler: () => void, ms: number): unknown;
declare function clearTimeout(handle: unknown): void;

declare class AbortSignal {
  readonly aborted: boolean;
}

declare class AbortController {
  readonly signal: AbortSignal;
  abort(): void;
}
