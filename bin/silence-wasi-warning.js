// node:wasi prints an ExperimentalWarning when it loads; drop that one warning, keep all others.
// Imported first by the CLI and the benchmark entry points.
const emitWarning = process.emitWarning;
process.emitWarning = function (warning, ...rest) {
  const type = typeof rest[0] === 'string' ? rest[0] : rest[0]?.type;
  if (type === 'ExperimentalWarning' && String(warning).startsWith('WASI')) return;
  return emitWarning.call(process, warning, ...rest);
};
