/** Signal strength (RSSI, dBm) as 0–4 bars and a word. */
export interface SignalStrength {
  bars: 0 | 1 | 2 | 3 | 4;
  word: string;
}

export function signalStrength(rssiDbm: number): SignalStrength {
  if (!Number.isFinite(rssiDbm) || rssiDbm >= 0) return { bars: 0, word: 'unknown' };
  if (rssiDbm >= -60) return { bars: 4, word: 'strong' };
  if (rssiDbm >= -70) return { bars: 3, word: 'good' };
  if (rssiDbm >= -80) return { bars: 2, word: 'fair' };
  if (rssiDbm >= -90) return { bars: 1, word: 'weak' };
  return { bars: 0, word: 'very weak' };
}
