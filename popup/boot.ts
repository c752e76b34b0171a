import { publishEarly, startEarlyLookup } from './early-lookup.js';

// The popup page's first script, before its stylesheet and its UI bundle:
// it only asks the worker (see early-lookup.ts).
publishEarly(startEarlyLookup());
