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

// eslint-disable-next-line no-control-regex -- control characters are what this finds
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]+/g;

/** The recording CSV's metadata keys that carry a note (an export writes them, an import reads them back). */
export const NOTE_METADATA_KEYS = ['note_discomfort', 'note_pain', 'note_numbness', 'note_text'] as const;

/**
 * A note as `# key=value` lines: the rating when rated, `yes` for a flag that is set, the text on
 * one line (control characters and line breaks become spaces) cut to `maxTextChars`.
 */
export function noteMetadata(note: SessionNote, maxTextChars: number): Record<string, string> {
  const meta: Record<string, string> = {};
  if (note.discomfort !== null) meta['note_discomfort'] = String(note.discomfort);
  if (note.pain) meta['note_pain'] = 'yes';
  if (note.numbness) meta['note_numbness'] = 'yes';
  const text = note.text.replace(CONTROL_CHARACTERS, ' ').trim().slice(0, maxTextChars).trim();
  if (text) meta['note_text'] = text;
  return meta;
}

/** The note an export's metadata carries (null when none, or when it does not read as one: then nothing of it is taken). */
export function noteFromMetadata(meta: Readonly<Record<string, string>>): SessionNoteInput | null {
  if (!NOTE_METADATA_KEYS.some((k) => meta[k] !== undefined)) return null;
  const rating = meta['note_discomfort'];
  const note = {
    discomfort: rating === undefined ? null : /^\d{1,2}$/.test(rating) ? Number(rating) : NaN,
    pain: meta['note_pain'] === 'yes',
    numbness: meta['note_numbness'] === 'yes',
    text: meta['note_text'] ?? '',
  };
  const parsed = SessionNoteInputSchema.safeParse(note);
  return parsed.success && !isEmptyNote(parsed.data) ? parsed.data : null;
}
