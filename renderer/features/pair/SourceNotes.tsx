/**
 * What the sensor sources told the user, as main kept it (the snapshot's `source`): their latest
 * notes ("Scanning failed: …"), the sensor's own error in words, and — in plain words only — that
 * some motion data went missing (the counts and the technical reasons are on the Sensor check
 * screen). Nothing when there is nothing to say.
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
  const missing = source.rejectedFrames > 0 || source.gaps > 0;
  if (source.notes.length === 0 && !missing && !sensorError) return null;
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
      {missing && <p className="source-notes__counts">Some motion data from the sensor went missing or could not be read. Sensor check shows how much.</p>}
    </div>
  );
}
