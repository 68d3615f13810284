/**
 * What may run in the isolation child: a typed registry of task name → function. Each entry loads
 * its module on demand, so a child pays only for the task it runs (start-up time of `inspect` is a
 * measured goal). A function whose last parameter is a callback receives the progress channel.
 */
export const TASKS = {
  inspect: () => import('../engines/inspect.js').then((m) => m.inspectPaths),
  call: () => import('../engines/call.js').then((m) => m.callFunction),
  run: () => import('../engines/run.js').then((m) => m.runFile),
  abiChecks: () => import('../check/conformance.js').then((m) => m.abiChecks),
  callFunctions: () => import('../check/conformance.js').then((m) => m.callFunctions),
  watTest: () => import('../check/wat-expectations.js').then((m) => m.runWatTest),
  fuzzList: () => import('../fuzz/replay-call.js').then((m) => m.listFunctions),
  fuzzRandom: () => import('../fuzz/replay-call.js').then((m) => m.randomCalls),
  fuzzReplay: () => import('../fuzz/replay-call.js').then((m) => m.replayCall),
  programTest: () => import('../check/wat-expectations.js').then((m) => m.runProgramTest),
};

export type TaskName = keyof typeof TASKS;
type TaskFn<N extends TaskName> = Awaited<ReturnType<(typeof TASKS)[N]>>;
type WithoutProgress<P extends unknown[]> = P extends [...infer Head, infer Last] ? (Last extends (value: never) => void ? Head : P) : P;

/** The JSON-serialisable arguments the parent sends (the progress callback is the child's). */
export type TaskArgs<N extends TaskName> = WithoutProgress<Parameters<TaskFn<N>>>;
export type TaskResult<N extends TaskName> = Awaited<ReturnType<TaskFn<N>>>;

export function isTaskName(name: string): name is TaskName {
  return Object.hasOwn(TASKS, name);
}
