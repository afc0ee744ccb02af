/**
 * What the sensor sources told the user, as main kept it (the snapshot's `source`): their latest
 * notes ("Scanning failed: …"), frames that could not be read, gaps in the samples, and the
 * sensor's own error. Nothing when there is nothing to say.
 */
import type { SourceHealth } from '../../bridge/contract';

const SENSOR_ERROR_TEXT: Record<NonNullable<SourceHealth['status']>['error'], string | null> = {
  none: null,
  'imu-not-found': 'The sensor reports that its motion chip was not found.',
  'fifo-overflow': 'The sensor reports it could not keep up and dropped samples.',
  'low-battery': 'The sensor reports a low battery.',
};

export function SourceNotes({ source }: { source: SourceHealth }) {
  const sensorError = source.status ? SENSOR_ERROR_TEXT[source.status.error] : null;
  const counts: string[] = [];
  if (source.rejectedFrames > 0)
    counts.push(`${source.rejectedFrames} ${source.rejectedFrames === 1 ? 'message' : 'messages'} from the sensor could not be read${source.lastRejected ? ` (last: ${source.lastRejected})` : ''}`);
  if (source.gaps > 0) counts.push(`${source.gaps} ${source.gaps === 1 ? 'gap' : 'gaps'} in the samples`);
  if (source.notes.length === 0 && counts.length === 0 && !sensorError) return null;
  return (
    <div className="source-notes" role="status" data-testid="source-notes">
      {source.notes.length > 0 && (
        <ul className="source-notes__list" aria-label="Notes from the sensor">
          {source.notes.map((n, i) => (
            <li key={i}>{n}</li>
          ))}
        </ul>
      )}
      {sensorError && <p className="source-notes__error">{sensorError}</p>}
      {counts.length > 0 && <p className="source-notes__counts">{counts.join('; ')}.</p>}
    </div>
  );
}
