/**
 * V8 garbage-collector settings for the server process, measured with bench/server.ts (200 offices
 * uploading a 300-target workbook at once, quiet machine). The first two are V8 flags set from inside the
 * process: `luoshi serve` is started by clerks' scripts and services with no Node flags, and restarting
 * itself with flags would double the processes to watch. Node keeps V8's flags writable after start for
 * this. The third, a trickle of garbage through quiet spells, keeps what no flag can (V8's own measure of
 * a thread's allocation rate) from giving the young generation back between bursts.
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

/** Milliseconds between two trickles of garbage (allocateThroughQuietSpells). */
const TRICKLE_EVERY_MS = 200;
/** Short-lived arrays per trickle: ~160 bytes each, ~0.65 MB a trickle, ~3 MB/s. */
const TRICKLE_ARRAYS = 4096;
/** Where the trickle's arrays are kept until the next overwrites them, so no compiler can leave them out. */
const trickled: unknown[] = new Array<unknown>(64);

function trickle(): void {
  for (let i = 0; i < TRICKLE_ARRAYS; i++) trickled[i & 63] = new Array<number>(14);
}

/**
 * Keep this thread's allocation rate, as V8 measures it, above V8's mark for an idle thread through quiet
 * spells; returns what stops it. V8 measures the rate at each collection over about the last five seconds,
 * and where it is under ~1 MB/s it uncommits the young generation's spare semi-space after the collection.
 * After a quiet spell the first collections of a burst still see the spell in their window, so each
 * checking thread gave back and faulted in its 16 MB spare semi-space several times in a row: 8,000–20,000
 * fresh pages per checking thread (and ~4,000–7,000 on the main thread) in every burst after a quiet spell,
 * the first one after start included, at ~14 µs of kernel time each in this VM; bursts right after another
 * had almost none. ~3 MB/s of short-lived garbage (0.2 ms of CPU per trickle, ~0.1 % of a core, a scavenge
 * every few seconds of quiet) keeps the rate measured above the mark, and the semi-space committed.
 * Measured in runs paired in time (bench/server.ts; server CPU per upload, without → with): first bursts
 * 17.2 → 13.5, 16.0 → 13.3, 18.9 → 14.1, 16.8 → 16.5 ms; bursts after 45 s of quiet (BENCH_QUIET=45)
 * 14.1 → 11.7 and 16.2 → 12.2 ms; page faults per upload in those bursts 117–220 → 5–32.
 * A timer cannot fire while a thread blocks waiting for work, so the pool's threads wait in their event
 * loops (intake-pool.ts: useAtomics).
 */
export function allocateThroughQuietSpells(): () => void {
  const timer = setInterval(trickle, TRICKLE_EVERY_MS);
  timer.unref();
  return () => clearInterval(timer);
}
