/**
 * The READY, STATUS and RESTARTS of `kubectl get pods`, computed as kubectl's printPod does:
 * the phase, or the pod's reason (Evicted), or the last container's waiting/terminated
 * reason (CrashLoopBackOff, OOMKilled, Completed...), `Terminating` while being deleted. The
 * town on screen uses the same words.
 */
import type { Pod } from '../sim/api/types.js';
import { isPodReady } from '../sim/api/pods.js';

export interface PodStatusColumns {
  ready: string;
  status: string;
  restarts: number;
  /** When the last restart's previous run ended (sim ms), for `5 (2m ago)`. */
  lastRestartAt?: number;
}

export function podStatus(pod: Pod): PodStatusColumns {
  const st = pod.status;
  let reason: string = st.reason || st.phase;
  for (const c of st.conditions ?? []) if (c.type === 'PodScheduled' && c.reason === 'SchedulingGated') reason = 'SchedulingGated';
  let restarts = 0;
  let ready = 0;
  let lastRestartAt: number | undefined;
  let hasRunning = false;
  const statuses = st.containerStatuses ?? [];
  for (let i = statuses.length - 1; i >= 0; i--) {
    const c = statuses[i];
    restarts += c.restartCount;
    const t = c.lastState.terminated;
    if (t && (lastRestartAt === undefined || t.finishedAt > lastRestartAt)) lastRestartAt = t.finishedAt;
    if (c.state.waiting?.reason) reason = c.state.waiting.reason;
    else if (c.state.terminated?.reason) reason = c.state.terminated.reason;
    else if (c.state.terminated) reason = `ExitCode:${c.state.terminated.exitCode}`;
    else if (c.ready && c.state.running) {
      hasRunning = true;
      ready++;
    }
  }
  if (reason === 'Completed' && hasRunning) reason = isPodReady(pod) ? 'Running' : 'NotReady';
  if (pod.metadata.deletionTimestamp !== undefined && st.reason === 'NodeLost') reason = 'Unknown';
  else if (pod.metadata.deletionTimestamp !== undefined && st.phase !== 'Succeeded' && st.phase !== 'Failed') reason = 'Terminating';
  return { ready: `${ready}/${pod.spec.containers.length}`, status: reason, restarts, lastRestartAt: restarts ? lastRestartAt : undefined };
}
