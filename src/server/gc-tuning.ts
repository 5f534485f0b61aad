/**
 * V8 garbage-collector settings for the server process, measured with bench/server.ts (200 offices
 * uploading a 300-target workbook at once, quiet machine). Both are V8 flags set from inside the process:
 * `luoshi serve` is started by clerks' scripts and services with no Node flags, and restarting itself
 * with flags would double the processes to watch. Node keeps V8's flags writable after start for this.
 */
import { setFlagsFromString } from 'node:v8';

/** Least size of each semi-space (two make a thread's young generation), in MB: several checks' garbage. */
const CHECKING_SEMI_SPACE_MB = 16;

/**
 * V8 shrinks an idle thread's young generation to its minimum (1 MB semi-spaces), so a burst of uploads after
 * a quiet spell found it too small for even one check's garbage: 33 scavenges per thread in the first 100
 * checks instead of 9–10, each one promoting the check in progress to the old generation. A V8 flag is the
 * only way to set the floor (Node's resourceLimits set only the ceiling). It is sized when a thread's heap
 * is made, so it must come before the checking threads start; other threads at most keep a larger young
 * generation than they would. Measured: scavenges per checking thread in a first burst 33 → 10; server CPU
 * per upload in the second burst 16.0–17.2 ms in three runs without it, 14.3–16.4 ms in four with it.
 */
export function keepYoungGenerations(): void {
  setFlagsFromString(`--min-semi-space-size=${CHECKING_SEMI_SPACE_MB}`);
}

/**
 * How far the old generation may grow past what the last full collection kept, in per cent (300: to four
 * times). V8 otherwise picks the factor from the allocation rate it measured lately, which on a server
 * that has been quiet is an idle one: the first burst of uploads then ran with room for about a tenth
 * more than was alive, and the main thread made 12 full collections in it (0–3 in the bursts after,
 * by which time V8 had measured the burst and chosen 4 itself). The flag is read at every collection,
 * so setting it in a running process takes effect at the next one, in every thread.
 * Measured (bench/server.ts, first burst after start, server CPU per upload): 22.1–23.2 ms in four runs
 * without it, 17.7–19.8 ms in five with it; of that, V8's helper threads (concurrent marking) 5.6–7.0 ms
 * without, 3.4–3.7 ms with. Memory: the old generations may hold up to four times what is alive between
 * collections, as V8 itself lets them under load.
 */
const OLD_GENERATION_GROWTH_PERCENT = 300;

export function growHeapsAhead(): void {
  setFlagsFromString(`--heap-growing-percent=${OLD_GENERATION_GROWTH_PERCENT}`);
}
