/**
 * The guided routines a session can be (null: a free session). Stored with the session
 * (`sessions.routine`) and named the same in the IPC contract.
 *
 * - `back-release`: the upper/mid-back release, a block of rolling with the areas and the time
 *   left spoken.
 * - `thoracic-extension`: slow extensions over a roller that stays put, paced by voice.
 */
import { z } from 'zod';

export const ROUTINE_KINDS = ['back-release', 'thoracic-extension'] as const;
export const RoutineKindSchema = z.enum(ROUTINE_KINDS);
export type RoutineKind = (typeof ROUTINE_KINDS)[number];
