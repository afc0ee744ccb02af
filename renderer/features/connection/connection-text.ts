/** The sensor connection state in words, with a tone for its colour and icon. */
import type { Connection } from '../../bridge/contract';

export type ConnectionTone = 'idle' | 'busy' | 'good' | 'warn' | 'bad';

export interface ConnectionText {
  label: string;
  detail: string;
  tone: ConnectionTone;
}

/** While the app cannot be reached: what the sensor does is not known. */
export const UNKNOWN_CONNECTION: ConnectionText = { label: 'Sensor: unknown', detail: 'The app is not answering, so the sensor’s state is unknown.', tone: 'idle' };

export function connectionText(c: Connection): ConnectionText {
  const what = c.description ?? (c.source === 'simulated' ? 'the simulated roller' : c.source === 'replay' ? 'the recording' : 'the sensor');
  switch (c.name) {
    case 'idle':
      return { label: 'No sensor', detail: 'Not connected. Pair a sensor or use the simulated roller.', tone: 'idle' };
    case 'scanning':
      return { label: 'Scanning…', detail: 'Looking for sensors nearby.', tone: 'busy' };
    case 'connecting':
      return { label: 'Connecting…', detail: `Connecting to ${what}.`, tone: 'busy' };
    case 'streaming':
      return {
        label: c.source === 'simulated' ? 'Simulated roller' : c.source === 'replay' ? 'Recording playing' : 'Sensor streaming',
        detail: `Receiving motion from ${what}.`,
        tone: 'good',
      };
    case 'reconnecting':
      return {
        label: `Reconnecting (attempt ${c.attempt ?? 1})`,
        detail: `Lost the link to ${what}${c.reason ? `: ${c.reason}` : ''}. Trying again…`,
        tone: 'warn',
      };
    case 'lost':
      return {
        label: 'Sensor lost',
        detail: `Gave up reconnecting to ${what}${c.reason ? `: ${c.reason}` : ''}. Check the sensor is on and in range, then connect again.`,
        tone: 'bad',
      };
  }
}

/** True when the link to the sensor is down and the user should look. */
export const isConnectionTrouble = (c: Connection): boolean => c.name === 'reconnecting' || c.name === 'lost';
