/** The screens of the top navigation, in tab order, with their number-key shortcuts. */
export type ScreenId = 'session' | 'pair' | 'setup' | 'settings' | 'history' | 'sensor';

export const SCREENS: readonly { id: ScreenId; label: string; key: string }[] = [
  { id: 'session', label: 'Session', key: '1' },
  { id: 'pair', label: 'Pair', key: '2' },
  { id: 'setup', label: 'Setup', key: '3' },
  { id: 'settings', label: 'Settings', key: '4' },
  { id: 'history', label: 'History', key: '5' },
  { id: 'sensor', label: 'Sensor', key: '6' },
];

export function screenForKey(key: string): ScreenId | null {
  return SCREENS.find((s) => s.key === key)?.id ?? null;
}
