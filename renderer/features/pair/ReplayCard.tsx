/**
 * A recording played live: a recording CSV (from Export or `roller record`) read here and sent
 * to main, which plays it through the live path at its recorded pace (`sensors.useReplay`) — the
 * Live screen then coaches it as if a sensor streamed it.
 */

import { RecordingFilePicker } from '../../common/RecordingFilePicker';
import { MAX_REPLAY_CHARS, type Connection } from '../../bridge/contract';

interface Props {
  connection: Connection;
  busy: boolean;
  /** The file's name and text; a refusal (too large) is for the caller to show. */
  onPlay(fileName: string, text: string): void;
  onRefused(message: string): void;
}

export function ReplayCard({ connection, busy, onPlay, onRefused }: Props) {
  const playing = connection.source === 'replay' && connection.name === 'streaming';
  const choose = async (file: File) => {
    const text = await file.text();
    if (text.length === 0) return onRefused(`${file.name}: the file is empty`);
    if (text.length > MAX_REPLAY_CHARS) return onRefused(`${file.name}: too long to play live (at most ${MAX_REPLAY_CHARS.toLocaleString()} characters); import it instead`);
    onPlay(file.name, text);
  };
  return (
    <section className="card replay" aria-labelledby="replay-heading">
      <h2 id="replay-heading">Play a recording</h2>
      <p>
        A recording CSV (from Export, or from <code>roller record</code>) played live, as the sensor sent it.
      </p>
      {playing && (
        <p className="replay__active" data-testid="replay-active">
          Playing {connection.description ?? 'a recording'}.
        </p>
      )}
      <RecordingFilePicker label="Choose a recording…" disabled={busy} inputTestId="replay-file" buttonTestId="replay-choose" onFile={(file) => void choose(file)} />
    </section>
  );
}
