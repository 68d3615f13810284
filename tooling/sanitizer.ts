/** Recognising a plug-in built with AddressSanitizer (as `test --sanitize address` leaves in build/asan/). */
import { readFileSync } from 'node:fs';

/** Whether the library was built with AddressSanitizer (it references __asan_init). */
export function hasAsan(library: string): boolean {
  try {
    return readFileSync(library).includes('__asan_init');
  } catch {
    return false;
  }
}
