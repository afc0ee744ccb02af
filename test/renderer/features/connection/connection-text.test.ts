import { describe, expect, it } from 'vitest';
import type { Connection } from '../../../../renderer/bridge/contract';
import { connectionText, isConnectionTrouble } from '../../../../renderer/features/connection/connection-text';

const c = (over: Partial<Connection>): Connection => ({ name: 'idle', source: null, description: null, batteryPercent: null, ...over });

describe('connection text', () => {
  it('names every state of the machine', () => {
    expect(connectionText(c({})).label).toBe('No sensor');
    expect(connectionText(c({ name: 'scanning' })).tone).toBe('busy');
    expect(connectionText(c({ name: 'connecting', description: 'Roller 7F' })).detail).toContain('Roller 7F');
    expect(connectionText(c({ name: 'streaming', source: 'simulated' })).label).toBe('Simulated roller');
    expect(connectionText(c({ name: 'streaming', source: 'ble' })).tone).toBe('good');
    expect(connectionText(c({ name: 'streaming', source: 'replay' })).label).toBe('Recording playing');
  });
  it('shows the reconnect attempt and why the link was lost', () => {
    const r = connectionText(c({ name: 'reconnecting', attempt: 3, reason: 'link supervision timeout', source: 'ble' }));
    expect(r.label).toBe('Reconnecting (attempt 3)');
    expect(r.detail).toContain('link supervision timeout');
    expect(r.tone).toBe('warn');
    const l = connectionText(c({ name: 'lost', reason: 'out of range' }));
    expect(l).toMatchObject({ label: 'Sensor lost', tone: 'bad' });
    expect(l.detail).toContain('out of range');
  });
  it('flags trouble only when the link is down', () => {
    expect(isConnectionTrouble(c({ name: 'reconnecting' }))).toBe(true);
    expect(isConnectionTrouble(c({ name: 'lost' }))).toBe(true);
    expect(isConnectionTrouble(c({ name: 'streaming' }))).toBe(false);
  });
});
