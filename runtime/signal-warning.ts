/** The warning for plug-in code that replaced the kit's fatal-signal handlers (no native code). */

/** Signal names in the bit order of wpk_signals_replaced (runtime/native/wpk_host.h). */
const SIGNAL_NAMES = ['SIGSEGV', 'SIGBUS', 'SIGFPE', 'SIGILL', 'SIGABRT'];

/**
 * The warning for signal handlers replaced by plug-in code (`mask`: bits in the order of
 * wpk_signals_replaced). Also for the `inspect` probe, which reports the mask from its own process.
 */
export function warnSignalHandlers(mask: number, culprit: string, where?: string): void {
  const names = SIGNAL_NAMES.filter((_, i) => mask & (1 << i));
  process.emitWarning(
    `${culprit} replaced the ${names.join(', ')} handler${names.length > 1 ? 's' : ''}${where ? ` (${where})` : ''}: the kit put its own back ` +
      'in front, so that wasm traps keep working, and passes faults in the plug-in\'s own code (host functions, its threads) to the plug-in\'s handler',
    { type: 'WasmEdgePluginKitWarning', code: 'WPK_SIGNAL_HANDLER' },
  );
}
