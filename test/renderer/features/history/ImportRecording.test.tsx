// @vitest-environment happy-dom
import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { ImportResult } from '../../../../renderer/bridge/contract';
import { ImportRecording } from '../../../../renderer/features/history/ImportRecording';
import { pastSessionFixture } from '../../support/history-fixtures';
import { renderWithServices, type Answers } from '../../support/render-with-services';

const START = '2025-03-01T18:30:00.000Z';
const RESULT: ImportResult = { session: pastSessionFixture(12, START, '2025-03-01'), alreadyStored: false, samples: 2, warnings: ['line 1: unknown metadata key "rollr_diameter_in"'] };
const CSV = 't_s,ax_g,ay_g,az_g,gx_dps,gy_dps,gz_dps\n0,0,0,1,0,0,0\n0.01,0,0,1,0,0,0\n';

function importer(answers: Answers = {}) {
  const onImported = vi.fn();
  const onReview = vi.fn();
  const r = renderWithServices(<ImportRecording onImported={onImported} onReview={onReview} />, {
    answers: { 'import.begin': { uploadId: 'u1' }, 'import.chunk': (p) => ({ received: p.index + 1 }), 'import.finish': RESULT, 'import.cancel': { ok: true }, ...answers },
  });
  return { ...r, onImported, onReview, choose: (file: File) => r.user.upload(screen.getByTestId<HTMLInputElement>('import-file'), file) };
}

describe('ImportRecording', () => {
  it('sends the file in pieces, then reports the imported session with the reader’s notes; Review it opens it', async () => {
    const { user, bridge, onImported, onReview, choose } = importer();
    await choose(new File([CSV], 'evening.csv', { type: 'text/csv', lastModified: 1740850000000 }));
    const done = await screen.findByTestId('import-done');
    expect(bridge.calls.map((c) => c.name)).toEqual(['import.begin', 'import.chunk', 'import.finish']);
    // The file's time: a recording without started_at counts for the day it was made, not today.
    expect(bridge.paramsOf('import.begin')).toEqual([{ fileName: 'evening.csv', bytes: CSV.length, lastModifiedMs: 1740850000000 }]);
    expect(bridge.paramsOf('import.chunk')).toEqual([{ uploadId: 'u1', index: 0, text: CSV }]);
    expect(bridge.paramsOf('import.finish')).toEqual([{ uploadId: 'u1', pieces: 1 }]);
    expect(done.textContent).toContain('Imported: the session of 2025-03-01 at ');
    expect(done.textContent).toContain('(2 samples)');
    expect(done.querySelector('li')?.textContent).toBe('line 1: unknown metadata key "rollr_diameter_in"');
    expect(onImported).toHaveBeenCalledWith(12);
    await user.click(screen.getByTestId('import-review'));
    expect(onReview).toHaveBeenCalledWith(12);
  });

  it('a recording already stored: says which session holds it, that nothing was added, and leads to it', async () => {
    const { user, onImported, onReview, choose } = importer({ 'import.finish': { ...RESULT, alreadyStored: true } });
    await choose(new File([CSV], 'roller-session-12-2025-03-01.csv'));
    const already = await screen.findByTestId('import-already');
    expect(already.textContent).toMatch(/^Already in your sessions: 2025-03-01 at .+, session #12\. Nothing was added\./);
    expect(screen.queryByTestId('import-done')).toBeNull();
    expect(onImported).toHaveBeenCalledWith(12);
    await user.click(screen.getByTestId('import-review'));
    expect(onReview).toHaveBeenCalledWith(12);
  });

  it('a refused file: the reader’s message with line and column, and the upload is cancelled', async () => {
    const { bridge, onImported, choose } = importer({ 'import.finish': () => Promise.reject(new Error('evening.csv: line 3, column 1 (t_s): not a number; nothing was imported')) });
    await choose(new File([CSV], 'evening.csv'));
    await waitFor(() => expect(screen.getByTestId('import-error').textContent).toBe('⚠ Could not import: evening.csv: line 3, column 1 (t_s): not a number; nothing was imported'));
    await waitFor(() => expect(bridge.paramsOf('import.cancel')).toEqual([{ uploadId: 'u1' }]));
    expect(onImported).not.toHaveBeenCalled();
  });

  it('an empty file is refused before anything is sent', async () => {
    const { bridge, choose } = importer();
    await choose(new File([], 'empty.csv'));
    await waitFor(() => expect(screen.getByTestId('import-error').textContent).toBe('⚠ Could not import: empty.csv: the file is empty; nothing was imported'));
    expect(bridge.calls).toEqual([]);
  });

  it('while the file is analysed: a progress line, and the button disabled', async () => {
    let finish: (r: ImportResult) => void = () => {};
    const { choose } = importer({ 'import.finish': () => new Promise<ImportResult>((resolve) => (finish = resolve)) });
    await choose(new File([CSV], 'evening.csv'));
    await waitFor(() => expect(screen.getByTestId('import-progress').textContent).toBe('Analysing evening.csv…'));
    expect(screen.getByTestId<HTMLButtonElement>('import-choose').disabled).toBe(true);
    finish(RESULT);
    await screen.findByTestId('import-done');
    expect(screen.getByTestId<HTMLButtonElement>('import-choose').disabled).toBe(false);
  });
});
