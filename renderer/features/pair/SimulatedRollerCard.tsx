/** The simulated roller as an explicit choice: a made-up session played with no hardware. */
import { useState } from 'react';
import { DEFAULT_SIMULATED_SCENARIO, type Connection } from '../../bridge/contract';
import { scenarioLabel } from './scenario-label';

interface Props {
  connection: Connection;
  busy: boolean;
  /** Shown as the main action (when Bluetooth cannot be used). */
  prominent: boolean;
  scenarios: readonly string[];
  onUse(scenario: string): void;
}

export function SimulatedRollerCard({ connection, busy, prominent, scenarios, onUse }: Props) {
  const [scenario, setScenario] = useState(scenarios.includes(DEFAULT_SIMULATED_SCENARIO) ? DEFAULT_SIMULATED_SCENARIO : (scenarios[0] ?? DEFAULT_SIMULATED_SCENARIO));
  const active = connection.source === 'simulated' && connection.name !== 'idle';
  return (
    <section className="card sim" aria-labelledby="sim-heading">
      <h2 id="sim-heading">No sensor? Try the simulated roller</h2>
      <p>A virtual roller plays back a made-up rolling session, so you can see how the coaching works without any hardware. Its numbers are not about you.</p>
      {active && (
        <p className="sim__active" data-testid="simulated-active">
          The simulated roller is {connection.name === 'streaming' ? 'running' : connection.name}.
        </p>
      )}
      <label className="sim__scenario">
        <span>Session to play</span>
        <select value={scenario} onChange={(e) => setScenario(e.target.value)} disabled={busy} data-testid="simulated-scenario">
          {scenarios.map((s) => (
            <option key={s} value={s}>
              {scenarioLabel(s)}
            </option>
          ))}
        </select>
      </label>
      <button type="button" className={`btn ${prominent && !active ? 'btn--primary' : 'btn--secondary'}`} onClick={() => onUse(scenario)} disabled={busy} data-testid="use-simulated">
        {active ? 'Play this session instead' : 'Use the simulated roller'}
      </button>
    </section>
  );
}
