/**
 * The user's note on a session: how it felt (discomfort 0–10), whether it hurt or caused
 * numbness or tingling, and a few words. Pure (zod only): the IPC contract checks a note sent by
 * the renderer with `SessionNoteInputSchema`, the store checks it again and keeps it as JSON in
 * `sessions.note` (schema version 5) with when it was last changed. A note is personal data:
 * deleting the session or erasing all data removes it.
 */
import { z } from 'zod';

/** The longest note text, characters. */
export const NOTE_TEXT_MAX_CHARS = 2000;
export const DISCOMFORT_MIN = 0;
export const DISCOMFORT_MAX = 10;

const discomfort = z
  .number({ message: `must be a whole number from ${DISCOMFORT_MIN} to ${DISCOMFORT_MAX}` })
  .int(`must be a whole number from ${DISCOMFORT_MIN} to ${DISCOMFORT_MAX}`)
  .min(DISCOMFORT_MIN, `must be a whole number from ${DISCOMFORT_MIN} to ${DISCOMFORT_MAX}`)
  .max(DISCOMFORT_MAX, `must be a whole number from ${DISCOMFORT_MIN} to ${DISCOMFORT_MAX}`);

/** What the user writes: every field is needed (null discomfort: not rated). */
export const SessionNoteInputSchema = z
  .object({
    discomfort: discomfort.nullable(),
    pain: z.boolean({ message: 'must be true or false' }),
    numbness: z.boolean({ message: 'must be true or false' }),
    text: z.string({ message: 'must be text' }).max(NOTE_TEXT_MAX_CHARS, `must be at most ${NOTE_TEXT_MAX_CHARS} characters`),
  })
  .strict();
export type SessionNoteInput = z.output<typeof SessionNoteInputSchema>;

/** A stored note: the input (text trimmed) and when it was last saved, ms since 1970. */
export const SessionNoteSchema = z.object({
  discomfort: discomfort.nullable(),
  pain: z.boolean(),
  numbness: z.boolean(),
  text: z.string().max(NOTE_TEXT_MAX_CHARS),
  updatedAt: z.number().int(),
});
export type SessionNote = z.output<typeof SessionNoteSchema>;

/** True when the note says nothing (saving it removes the note). */
export function isEmptyNote(n: SessionNoteInput): boolean {
  return n.discomfort === null && !n.pain && !n.numbness && n.text.trim() === '';
}
