/**
 * How large a recording an import takes. The engine's work grows with the time a recording
 * spans (it makes track points across the whole span, gaps included), storage with its samples,
 * and an import streams the file, so memory does not grow with either. The bounds:
 *
 * | limit | value | why |
 * |---|---|---|
 * | span of `t_s` | 12 h | a few far-apart lines could otherwise take minutes and gigabytes of track |
 * | \|`t_s`\| | 10¹⁰ s | beyond, a track step no longer changes the time |
 * | sample lines | 20 000 000 | 12 h at the fastest rate a sensor sends (420 Hz) is 18 144 000 |
 * | file size | 4 GiB | 20 000 000 lines of about 200 characters; refused before reading |
 *
 * Pure: the renderer's upload check uses the byte limit too (through the IPC contract).
 */
export const IMPORT_TIME_LIMITS: Readonly<{ maxSpanS: number; maxAbsTimeS: number }> = Object.freeze({ maxSpanS: 12 * 3600, maxAbsTimeS: 1e10 });

/** Most sample lines an import takes. */
export const IMPORT_MAX_SAMPLES = 20_000_000;

/** Largest recording file an import takes, bytes (4 GiB). */
export const IMPORT_MAX_BYTES = 4 * 1024 ** 3;

/** Everything the reader checks while it reads (the byte limit is checked before). */
export const IMPORT_LIMITS: Readonly<{ maxSpanS: number; maxAbsTimeS: number; maxSamples: number }> = Object.freeze({ ...IMPORT_TIME_LIMITS, maxSamples: IMPORT_MAX_SAMPLES });
