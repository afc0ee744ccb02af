// @vitest-environment happy-dom
/** The header badge and the live view's alert: the sensor connection in words, with a shape per state. */
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Connection } from '../../../../renderer/bridge/contract';
import { ConnectionAlert } from '../../../../renderer/features/connection/ConnectionAlert';
import { ConnectionBadge } from '../../../../renderer/features/connection/ConnectionBadge';
import { snapshotFixture } from '../../app/fixtures';
import { renderWithServices } from '../../support/render-with-services';

const conn = (over: Partial<Connection>): Connection => ({ name: 'idle', source: null, description: null, batteryPercent: null, ...over });

describe('ConnectionBadge', () => {
  it.each([
    [conn({}), 'No sensor', 'conn-icon--idle'],
    [conn({ name: 'scanning' }), 'Scanning…', 'conn-icon--busy'],
    [conn({ name: 'streaming', source: 'ble', description: 'Roller A', batteryPercent: 81.6 }), 'Sensor streamingbattery 82 %', 'conn-icon--good'],
    [conn({ name: 'streaming', source: 'simulated' }), 'Simulated roller', 'conn-icon--good'],
    [conn({ name: 'lost', source: 'ble', reason: 'out of range' }), 'Sensor lost', 'conn-icon--bad'],
  ])('%# shows "%s" with its icon, announced politely', (connection, text, icon) => {
    renderWithServices(<ConnectionBadge />, { snapshot: snapshotFixture({ connection }) });
    const badge = screen.getByTestId('connection-state');
    expect(badge.dataset.state).toBe(connection.name);
    expect(badge.getAttribute('aria-live')).toBe('polite');
    expect(badge.textContent).toBe(text);
    expect(badge.querySelector('svg')?.getAttribute('class')).toContain(icon);
  });

  it('the battery shows only while streaming', () => {
    renderWithServices(<ConnectionBadge />, { snapshot: snapshotFixture({ connection: conn({ name: 'connecting', source: 'ble', batteryPercent: 50 }) }) });
    expect(screen.getByTestId('connection-state').textContent).toBe('Connecting…');
  });
});

describe('ConnectionAlert', () => {
  it('nothing while the link is fine', () => {
    const { container } = renderWithServices(<ConnectionAlert />, { snapshot: snapshotFixture({ connection: conn({ name: 'streaming', source: 'simulated' }) }) });
    expect(container.innerHTML).toBe('');
  });

  it('an alert when the sensor is lost, with what to do', () => {
    renderWithServices(<ConnectionAlert />, { snapshot: snapshotFixture({ connection: conn({ name: 'lost', source: 'ble', description: 'Roller A', reason: 'no answer' }) }) });
    const alert = screen.getByRole('alert');
    expect(alert.dataset.state).toBe('lost');
    expect(alert.textContent).toBe('Sensor lostGave up reconnecting to Roller A: no answer. Check the sensor is on and in range, then connect again.');
  });
});
