/**
 * The version of the motion engine's results, stored with every analysis (live, import,
 * re-analysis) so a review can tell which engine produced a track and a later engine knows
 * what to re-analyse. Bump it when a change in `electron/motion/` changes the output for the
 * same samples and settings. (It belongs with the engine; it lives here until motion/ exports one.)
 */
export const MOTION_ENGINE_VERSION = 'motion-2';
