/**
 * The user's note on a session: how it felt (discomfort 0–10, optional), whether it hurt or
 * caused numbness or tingling, and a few words. Saved with `notes.save` (main checks it against
 * the contract's schema; an empty note removes it). Used in Review and on the end-of-session card.
 */
import { useId, useState } from 'react';
import { DISCOMFORT_MAX, DISCOMFORT_MIN, NOTE_TEXT_MAX_CHARS, type PastSession, type SessionNote, type SessionNoteInput } from '../../bridge/contract';
import { useServices } from '../../app/services-context';
import { ErrorLine } from '../../common/ErrorLine';
import { useAction } from '../../common/use-action';
import './note.css';

interface Props {
  sessionId: number;
  note: SessionNote | null;
  /** The session as stored after a save. */
  onSaved?(session: PastSession): void;
  /** The heading's text (default "Your note"). */
  heading?: string;
}

const RATINGS = Array.from({ length: DISCOMFORT_MAX - DISCOMFORT_MIN + 1 }, (_, i) => DISCOMFORT_MIN + i);

const draftOf = (n: SessionNote | null): SessionNoteInput => ({ discomfort: n?.discomfort ?? null, pain: n?.pain ?? false, numbness: n?.numbness ?? false, text: n?.text ?? '' });

const sameNote = (a: SessionNoteInput, b: SessionNoteInput) => a.discomfort === b.discomfort && a.pain === b.pain && a.numbness === b.numbness && a.text.trim() === b.text.trim();

export function SessionNoteEditor({ sessionId, note, onSaved, heading = 'Your note' }: Props) {
  const { bridge } = useServices();
  const [saved, setSaved] = useState<SessionNoteInput>(() => draftOf(note));
  const [draft, setDraft] = useState<SessionNoteInput>(saved);
  const [justSaved, setJustSaved] = useState(false);
  const id = useId();
  const save = useAction(async () => {
    const session = await bridge.request('notes.save', { id: sessionId, note: draft });
    const stored = draftOf(session.note);
    setSaved(stored);
    setDraft(stored);
    setJustSaved(true);
    onSaved?.(session);
  });
  const change = (patch: Partial<SessionNoteInput>) => {
    setJustSaved(false);
    setDraft((d) => ({ ...d, ...patch }));
  };
  const dirty = !sameNote(draft, saved);
  const left = NOTE_TEXT_MAX_CHARS - draft.text.length;

  return (
    <section className="card note" aria-labelledby={`${id}-heading`} data-testid="note-editor">
      <h2 id={`${id}-heading`}>{heading}</h2>
      <fieldset className="note__rating">
        <legend>
          Discomfort, {DISCOMFORT_MIN} (none) to {DISCOMFORT_MAX} (worst)
        </legend>
        <div className="note__scale" role="group" aria-label="Discomfort rating">
          {RATINGS.map((r) => (
            <button
              key={r}
              type="button"
              className={`btn btn--chip note__rate ${draft.discomfort === r ? 'note__rate--on' : ''}`}
              aria-pressed={draft.discomfort === r}
              aria-label={`Discomfort ${r} of ${DISCOMFORT_MAX}`}
              onClick={() => change({ discomfort: draft.discomfort === r ? null : r })}
              data-testid={`note-discomfort-${r}`}
            >
              {r}
            </button>
          ))}
        </div>
        <p className="note__hint">{draft.discomfort === null ? 'Not rated.' : `Rated ${draft.discomfort} of ${DISCOMFORT_MAX}; press it again to clear.`}</p>
      </fieldset>
      <div className="note__flags">
        <label className="note__flag">
          <input type="checkbox" checked={draft.pain} onChange={(e) => change({ pain: e.target.checked })} data-testid="note-pain" />
          It hurt (pain)
        </label>
        <label className="note__flag">
          <input type="checkbox" checked={draft.numbness} onChange={(e) => change({ numbness: e.target.checked })} data-testid="note-numbness" />
          Numbness or tingling
        </label>
      </div>
      {(draft.pain || draft.numbness) && (
        <p className="note__advice" role="note">
          If pain, numbness or tingling stays or comes back, have it looked at by a doctor or physiotherapist before rolling again.
        </p>
      )}
      <label className="note__text-label" htmlFor={`${id}-text`}>
        Notes
      </label>
      <textarea
        id={`${id}-text`}
        className="note__text"
        rows={3}
        maxLength={NOTE_TEXT_MAX_CHARS}
        value={draft.text}
        onChange={(e) => change({ text: e.target.value })}
        aria-describedby={`${id}-left`}
        data-testid="note-text"
      />
      <p id={`${id}-left`} className="note__left">
        {left} of {NOTE_TEXT_MAX_CHARS} characters left
      </p>
      <div className="note__actions">
        <button type="button" className="btn btn--primary" disabled={!dirty || save.busy} onClick={() => void save.run()} data-testid="note-save">
          {save.busy ? 'Saving…' : 'Save note'}
        </button>
        {justSaved && !dirty && (
          <span className="note__saved" role="status" data-testid="note-saved">
            ✓ Saved
          </span>
        )}
      </div>
      <ErrorLine error={save.error && `Could not save the note: ${save.error}`} testId="note-error" />
    </section>
  );
}
