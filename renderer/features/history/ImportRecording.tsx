/**
 * Import a recording (the recording CSV the app exports, `roller record` writes, or a sensor
 * logged elsewhere): the file is read and sent in pieces with a progress bar, then analysed with
 * the current settings; errors name the file's line and column. A recording already stored (the
 * same file again, an export of a session) adds nothing: the message names the session holding it.
 */
import { useState } from 'react';
import { RecordingFilePicker } from '../../common/RecordingFilePicker';
import { MAX_IMPORT_BYTES, MAX_IMPORT_CHUNK_CHARS, type ImportResult } from '../../bridge/contract';
import { useServices } from '../../app/services-context';
import { ErrorLine } from '../../common/ErrorLine';
import { errorText } from '../../common/error-text';
import { ProgressLine } from '../../common/ProgressLine';
import { filePieces } from './file-pieces';
import { startTimeText } from './history-format';

type State =
  { step: 'idle' } | { step: 'sending'; fileName: string; fraction: number } | { step: 'analysing'; fileName: string } | { step: 'done'; result: ImportResult } | { step: 'failed'; error: string };

interface Props {
  onImported(sessionId: number): void;
  onReview(sessionId: number): void;
}

export function ImportRecording({ onImported, onReview }: Props) {
  const { bridge } = useServices();
  const [state, setState] = useState<State>({ step: 'idle' });
  const busy = state.step === 'sending' || state.step === 'analysing';

  const importFile = async (file: File) => {
    if (file.size === 0) return setState({ step: 'failed', error: `${file.name}: the file is empty; nothing was imported` });
    if (file.size > MAX_IMPORT_BYTES) return setState({ step: 'failed', error: `${file.name}: the file is larger than ${MAX_IMPORT_BYTES / 1_048_576} MB; nothing was imported` });
    let uploadId: string | null = null;
    try {
      setState({ step: 'sending', fileName: file.name, fraction: 0 });
      uploadId = (await bridge.request('import.begin', { fileName: file.name, bytes: file.size, ...(file.lastModified > 0 ? { lastModifiedMs: Math.round(file.lastModified) } : {}) })).uploadId;
      let pieces = 0;
      for await (const piece of filePieces(file, MAX_IMPORT_CHUNK_CHARS)) {
        await bridge.request('import.chunk', { uploadId, index: pieces++, text: piece.text });
        setState({ step: 'sending', fileName: file.name, fraction: piece.bytesRead / file.size });
      }
      setState({ step: 'analysing', fileName: file.name });
      const result = await bridge.request('import.finish', { uploadId, pieces });
      uploadId = null;
      setState({ step: 'done', result });
      onImported(result.session.id);
    } catch (err) {
      if (uploadId) void bridge.request('import.cancel', { uploadId }).catch(() => undefined);
      setState({ step: 'failed', error: errorText(err) });
    }
  };

  return (
    <section className="card history__import" aria-labelledby="history-import-heading" data-testid="history-import">
      <h2 id="history-import-heading">Import a recording</h2>
      <p className="history__import-hint">
        A recording CSV (from Export, or from <code>roller record</code>). It is analysed with your current settings.
      </p>
      <RecordingFilePicker label="Choose a file…" disabled={busy} inputTestId="import-file" buttonTestId="import-choose" onFile={(file) => void importFile(file)} />
      {state.step === 'sending' && <ProgressLine fraction={state.fraction} message={`Reading ${state.fileName}…`} testId="import-progress" />}
      {state.step === 'analysing' && <ProgressLine fraction={null} message={`Analysing ${state.fileName}…`} testId="import-progress" />}
      {state.step === 'done' && state.result.alreadyStored && (
        <div className="history__import-done history__import-already" role="status" data-testid="import-already">
          <p>
            <strong>Already in your sessions:</strong> {state.result.session.day} at {startTimeText(state.result.session.startedAt)}, session #{state.result.session.id}. Nothing was added.
          </p>
          <button type="button" className="btn btn--primary" onClick={() => onReview(state.result.session.id)} data-testid="import-review">
            Review it
          </button>
        </div>
      )}
      {state.step === 'done' && !state.result.alreadyStored && (
        <div className="history__import-done" role="status" data-testid="import-done">
          <p>
            Imported: the session of {state.result.session.day} at {startTimeText(state.result.session.startedAt)} ({state.result.samples.toLocaleString()} samples).
          </p>
          {state.result.warnings.length > 0 && (
            <ul className="history__import-warnings">
              {state.result.warnings.map((w) => (
                <li key={w}>{w}</li>
              ))}
            </ul>
          )}
          <button type="button" className="btn btn--primary" onClick={() => onReview(state.result.session.id)} data-testid="import-review">
            Review it
          </button>
        </div>
      )}
      <ErrorLine error={state.step === 'failed' ? `Could not import: ${state.error}` : null} testId="import-error" />
    </section>
  );
}
