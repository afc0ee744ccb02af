/**
 * The contract between the simulated bindings (the central's stack) and a simulated peripheral.
 *
 * The bindings own the radio side: advertising reports, connections, the ATT queue, MTU
 * exchange and supervision timeouts. A peripheral owns its GATT server, its advertising state
 * and whatever it streams. On connect the bindings hand the peripheral a {@link PeripheralLink};
 * the peripheral notifies through it and may break it (out of range, reboot).
 */
import type { GattServer } from './gatt-server';

/** Why a connection ended, as the central's stack reports it. */
export type DisconnectCause =
  /** The link went silent (out of range, peripheral rebooted): supervision timeout. HCI 0x08. */
  | 'connection-timeout'
  /** The peripheral ended the connection. HCI 0x13. */
  | 'remote-terminated'
  /** The central ended it (disconnect(), adapter off, reset). HCI 0x16. */
  | 'local-terminated';

/** HCI reason codes (Core Vol 1 Part F) and the words noble's hci-status table uses. */
export const DISCONNECT_REASONS: Readonly<Record<DisconnectCause, { hciCode: number; text: string }>> = Object.freeze({
  'connection-timeout': { hciCode: 0x08, text: 'connection timeout' },
  'remote-terminated': { hciCode: 0x13, text: 'remote user terminated connection' },
  'local-terminated': { hciCode: 0x16, text: 'connection terminated by local host' },
});

/** The advertisement as noble's hci-socket bindings report it (fields noble merges per discover). */
export interface SimAdvertisement {
  localName: string | undefined;
  txPowerLevel: number | undefined;
  manufacturerData: Buffer | undefined;
  serviceData: { uuid: string; data: Buffer }[];
  serviceUuids: string[];
  serviceSolicitationUuids: string[];
}

export interface PeripheralLink {
  /** ATT MTU of this connection: 23 until the MTU exchange completes. */
  readonly mtu: number;
  /**
   * Sends a notification. Returns false when it could not go out: notifications are off for
   * that characteristic, or the link is gone or silent.
   */
  notify(serviceUuid: string, characteristicUuid: string, data: Uint8Array): boolean;
  /** The radio link goes silent from now on; the central sees a supervision timeout later. */
  fade(): void;
  /** The peripheral ends the connection cleanly (LL terminate). */
  terminate(): void;
}

export interface SimulatedPeripheral {
  /** noble's peripheral id: the address without colons, lower case. */
  readonly id: string;
  readonly address: string;
  readonly addressType: 'public' | 'random';
  readonly gatt: GattServer;
  /** Largest ATT MTU the peripheral accepts in the exchange. */
  readonly maxMtu: number;
  /** Advertising connectably right now, within radio range. */
  isAdvertising(): boolean;
  advertisement(): SimAdvertisement;
  /** One RSSI reading, dBm, as the central would measure it now. */
  sampleRssiDbm(): number;
  /** The central connected: the peripheral stops advertising and uses `link`. */
  onConnected(link: PeripheralLink): void;
  /** The ATT MTU of `link` changed (exchange done). */
  onMtuChanged(link: PeripheralLink, mtu: number): void;
  /** `link` ended (any cause). Ignored for a link the peripheral has already forgotten. */
  onDisconnected(link: PeripheralLink, cause: DisconnectCause): void;
  /** Listens for advertising starting or stopping (the bindings complete pending connects). */
  onAdvertisingChange(listener: (advertising: boolean) => void): () => void;
}
