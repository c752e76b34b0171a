// The WHATWG URL class exists in every runtime core runs in (browsers,
// extension workers, Node), but it is not part of the ES library that core is
// type-checked against. Declare only what core uses.
declare class URL {
  constructor(url: string, base?: string);
  readonly protocol: string;
  readonly hostname: string;
  readonly port: string;
  readonly pathname: string;
  readonly href: string;
}
