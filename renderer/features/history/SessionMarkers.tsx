/** Compact markers beside a session in a list: the routine it ran, "Imported" for an imported session, and its note's rating and flags. */
import { noteMarkerText, routineName, type PastSession } from '../../bridge/contract';
import '../review/note.css';

export function SessionMarkers({ session }: { session: PastSession }) {
  const n = session.note;
  const routine = routineName(session.routine);
  if (!session.imported && !n && !routine) return null;
  return (
    <span className="session-markers">
      {routine && (
        <span className="routine-badge" data-testid="routine-badge">
          {routine}
        </span>
      )}
      {session.imported && (
        <span className="imported-badge" data-testid="imported-badge" title={session.importedFrom ? `Imported from ${session.importedFrom}` : 'Imported'}>
          Imported
        </span>
      )}
      {n && (
        <span className={`note-marker ${n.pain || n.numbness ? 'note-marker--alert' : ''}`} data-testid="note-marker" title={n.text || undefined}>
          <span aria-hidden="true">✎ </span>
          <span className="visually-hidden">Note: </span>
          {noteMarkerText(n)}
        </span>
      )}
    </span>
  );
}
