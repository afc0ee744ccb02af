/**
 * The real noble object model (`@abandonware/noble/with-bindings`) on BlueZ over D-Bus: the
 * Linux default. `describe` turns a state into BlueZ's own words; `dispose` closes the bus.
 */
import type { NobleLoad } from '../noble-loader';
import { nobleWithBindings } from '../sim-peripheral/noble-with-bindings';
import { BluezBindings } from './bluez-bindings';

export function loadBluezNoble(): NobleLoad {
  const bindings = new BluezBindings();
  const noble = nobleWithBindings(bindings);
  return { ok: true, noble, describe: (state) => bindings.describe(state), dispose: () => bindings.stop() };
}
