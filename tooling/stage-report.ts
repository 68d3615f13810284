/**
 * Where the tooling's stage markers go. The runtime has no process-wide listener (each PluginHost
 * has its own); the tooling runs one task per isolation child, and that child points this at its
 * channel to the parent. In any other process nobody listens. The engines give `reportStage` to the
 * hosts they create, and the checks that run plug-in code themselves call it directly.
 */
import { ignoreStages, type StageEvent, type StageListener } from '../runtime/stages.js';

let sink: StageListener = ignoreStages;

export function reportStagesTo(listener: StageListener | undefined): void {
  sink = listener ?? ignoreStages;
}

export function reportStage(e: StageEvent): void {
  sink(e);
}
