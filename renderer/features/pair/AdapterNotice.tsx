/** What is wrong with Bluetooth and how to fix it (the app's text), when it is not ready. */
import type { AdapterInfo } from '../../bridge/contract';
import { adapterHasProblem, splitCode } from './adapter-text';

export function AdapterNotice({ adapter }: { adapter: AdapterInfo }) {
  if (!adapterHasProblem(adapter)) {
    return (
      <p className="adapter adapter--ok" data-testid="adapter-state" data-state={adapter.state}>
        {adapter.message || 'Bluetooth is on.'}
      </p>
    );
  }
  return (
    <div className="adapter adapter--problem" role="status" data-testid="adapter-state" data-state={adapter.state}>
      <p className="adapter__message">
        <span aria-hidden="true">⚠ </span>
        {adapter.message}
      </p>
      {adapter.fix && (
        <p className="adapter__fix">
          <span className="adapter__fix-label">What to do: </span>
          {splitCode(adapter.fix).map((part, i) => (part.code ? <code key={i}>{part.text}</code> : <span key={i}>{part.text}</span>))}
        </p>
      )}
      <p className="adapter__sim-note">The simulated roller works without Bluetooth.</p>
    </div>
  );
}
