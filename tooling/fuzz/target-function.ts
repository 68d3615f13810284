import type { FunctionRef } from '../check/conformance.js';

/** A host function to fuzz: its module (descriptor name, as the harness and reproducers name it), name and types. */
export type FuzzFunction = Pick<FunctionRef, 'module' | 'function' | 'params' | 'results'>;
