// @vitest-environment happy-dom
import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { PastSession, SessionNoteInput } from '../../../../renderer/bridge/contract';
import { SessionNoteEditor } from '../../../../renderer/features/review/SessionNoteEditor';
import { SessionMarkers } from '../../../../renderer/features/history/SessionMarkers';
import { pastSessionFixture } from '../../support/history-fixtures';
import { renderWithServices } from '../../support/render-with-services';

const START = '2025-03-01T18:30:00.000Z';
const stored = (note: SessionNoteInput | null): PastSession => pastSessionFixture(7, START, '2025-03-01', { note: note && { ...note, text: note.text.trim(), updatedAt: 1 } });

function editor(note: PastSession['note'] = null, answer: (p: { id: number; note: SessionNoteInput }) => PastSession = (p) => stored(p.note)) {
  const onSaved = vi.fn();
  const r = renderWithServices(<SessionNoteEditor sessionId={7} note={note} onSaved={onSaved} />, { answers: { 'notes.save': answer } });
  return { ...r, onSaved };
}

describe('SessionNoteEditor', () => {
  it('rates, flags and writes a note, and saves exactly that for this session', async () => {
    const { user, bridge, onSaved } = editor();
    const save = screen.getByTestId('note-save');
    expect(save).toHaveProperty('disabled', true);
    await user.click(screen.getByTestId('note-discomfort-6'));
    expect(screen.getByTestId('note-discomfort-6').getAttribute('aria-pressed')).toBe('true');
    await user.click(screen.getByTestId('note-numbness'));
    // Pain, numbness or tingling brings the advice to have it looked at.
    expect(screen.getByRole('note').textContent).toMatch(/doctor or physiotherapist/);
    await user.type(screen.getByTestId('note-text'), 'tingling after the neck');
    await user.click(save);
    await waitFor(() => expect(screen.getByTestId('note-saved').textContent).toMatch(/Saved/));
    expect(bridge.paramsOf('notes.save')).toEqual([{ id: 7, note: { discomfort: 6, pain: false, numbness: true, text: 'tingling after the neck' } }]);
    expect(onSaved).toHaveBeenCalledWith(expect.objectContaining({ id: 7 }));
    expect(screen.getByTestId('note-save')).toHaveProperty('disabled', true);
  });

  it('starts from the stored note; pressing the chosen rating again clears it', async () => {
    const { user, bridge } = editor({ discomfort: 3, pain: true, numbness: false, text: 'sore', updatedAt: 1 });
    expect(screen.getByTestId('note-discomfort-3').getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByTestId<HTMLInputElement>('note-pain').checked).toBe(true);
    expect(screen.getByTestId<HTMLTextAreaElement>('note-text').value).toBe('sore');
    await user.click(screen.getByTestId('note-discomfort-3'));
    expect(screen.getByText('Not rated.')).toBeTruthy();
    await user.click(screen.getByTestId('note-save'));
    await waitFor(() => expect(bridge.paramsOf('notes.save')).toHaveLength(1));
    expect(bridge.paramsOf('notes.save')[0]!.note.discomfort).toBeNull();
  });

  it("shows main's refusal, naming the field, and keeps what was typed", async () => {
    const { user } = editor(null, () => {
      throw new Error('notes.save: note.text: must be at most 2000 characters');
    });
    await user.type(screen.getByTestId('note-text'), 'a note');
    await user.click(screen.getByTestId('note-save'));
    await waitFor(() => expect(screen.getByTestId('note-error').textContent).toMatch(/Could not save the note: .*note\.text: must be at most 2000 characters/));
    expect(screen.getByTestId<HTMLTextAreaElement>('note-text').value).toBe('a note');
    expect(screen.getByTestId<HTMLTextAreaElement>('note-text').maxLength).toBe(2000);
  });
});

describe('SessionMarkers', () => {
  it('marks an imported session and a note by its rating and flags; nothing for a plain session', () => {
    const plain = renderWithServices(<SessionMarkers session={pastSessionFixture(1, START, '2025-03-01')} />);
    expect(plain.container.textContent).toBe('');
    plain.unmount();
    renderWithServices(
      <SessionMarkers session={pastSessionFixture(2, START, '2025-03-01', { imported: true, importedFrom: 'a.csv', note: { discomfort: 4, pain: true, numbness: false, text: 'x', updatedAt: 1 } })} />,
    );
    expect(screen.getByTestId('imported-badge').textContent).toBe('Imported');
    expect(screen.getByTestId('note-marker').textContent).toMatch(/4\/10 · pain$/);
  });
});
