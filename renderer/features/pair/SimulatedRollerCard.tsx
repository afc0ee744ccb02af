/** The simulated roller as an explicit choice: a recorded-style session with no hardware. */
import type { Connection } from '../../bridge/contract';

interface Props {
  connection: Connection;
  busy: boolean;
  /** Shown as the main action (when Bluetooth cannot be used). */
  prominent: boolean;
  onUse(): void;
}

export function SimulatedRollerCard({ connection, busy, prominent, onUse }: Props) {
  const active = connection.source === 'simulated' && connection.name !== 'idle';
  return (
    <section className="card sim" aria-labelledby="sim-heading">
      <h2 id="sim-heading">No sensor? Try the simulated roller</h2>
      <p>
        A virtual roller plays back a made-up rolling session, so you can see how the coaching works without any
        hardware. Its numbers are not about you.
      </p>
      {active ? (
        <p className="sim__active" data-testid="simulated-active">
          The simulated roller is {connection.name === 'streaming' ? 'running' : connection.name}.
        </p>
      ) : (
        <button type="button" className={`btn ${prominent ? 'btn--primary' : 'btn--secondary'}`} onClick={onUse} disabled={busy} data-testid="use-simulated">
          Use the simulated roller
        </button>
      )}
    </section>
  );
}
