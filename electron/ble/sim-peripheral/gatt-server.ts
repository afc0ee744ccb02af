/**
 * A small GATT server for a simulated peripheral: services and characteristics with ATT handles,
 * property checks, and the client characteristic configuration (CCCD, 0x2902) of every
 * notify / indicate characteristic. The peripheral supplies read and write handlers; the
 * bindings call in here with the UUIDs noble uses (lower-case hex, no dashes).
 *
 * Handles are laid out as a real server would: per service a declaration, then per
 * characteristic a declaration, its value, and its CCCD when it can notify or indicate.
 *
 * ```
 * handle  1   service 1800 declaration          startHandle 1
 *         2   characteristic 2a00 declaration
 *         3   2a00 value                        valueHandle 3
 *         …
 *         n   last attribute of the service     endHandle n
 * ```
 *
 * Notifications are off when a connection starts (no bonding): call {@link clearSubscriptions}.
 */
import { ATT_ERROR, attError, attOk, type AttResult } from './att-error';

export const CHARACTERISTIC_PROPERTIES = ['broadcast', 'read', 'writeWithoutResponse', 'write', 'notify', 'indicate'] as const;
export type CharacteristicProperty = (typeof CHARACTERISTIC_PROPERTIES)[number];

/** Property bits of the characteristic declaration (Core Vol 3 Part G §3.3.1.1). */
export const PROPERTY_BITS: Readonly<Record<CharacteristicProperty, number>> = Object.freeze({
  broadcast: 0x01,
  read: 0x02,
  writeWithoutResponse: 0x04,
  write: 0x08,
  notify: 0x10,
  indicate: 0x20,
});

/** Client Characteristic Configuration descriptor, noble spelling. */
export const CCCD_UUID = '2902';

export interface CharacteristicSpec {
  uuid: string;
  properties: readonly CharacteristicProperty[];
  /** Value for a read; required when `properties` has `read`. */
  read?: () => AttResult<Uint8Array>;
  /** Handles a write (with or without response). */
  write?: (data: Uint8Array, withoutResponse: boolean) => AttResult;
  /** Told when the client turns notifications / indications on or off. */
  onSubscribe?: (enabled: boolean) => void;
}

export interface ServiceSpec {
  uuid: string;
  characteristics: readonly CharacteristicSpec[];
}

export interface GattCharacteristic {
  readonly serviceUuid: string;
  readonly uuid: string;
  readonly spec: CharacteristicSpec;
  readonly declarationHandle: number;
  readonly valueHandle: number;
  /** CCCD handle, or null when the characteristic can neither notify nor indicate. */
  readonly cccdHandle: number | null;
  readonly endHandle: number;
  /** Declaration property bits. */
  readonly propertyBits: number;
  /** Property names in noble's order (bit order). */
  readonly properties: readonly CharacteristicProperty[];
}

export interface GattService {
  readonly uuid: string;
  readonly startHandle: number;
  readonly endHandle: number;
  readonly characteristics: readonly GattCharacteristic[];
}

export type HandleTarget = { kind: 'value'; characteristic: GattCharacteristic } | { kind: 'cccd'; characteristic: GattCharacteristic };

/** noble's spelling of a UUID: lower-case hex without dashes. */
export function nobleUuid(uuid: string): string {
  return uuid.replace(/-/g, '').toLowerCase();
}

export class GattServer {
  readonly services: readonly GattService[];
  private readonly subscribed = new Set<GattCharacteristic>();
  private readonly byHandle = new Map<number, HandleTarget>();

  constructor(specs: readonly ServiceSpec[]) {
    let handle = 1;
    const services: GattService[] = [];
    for (const spec of specs) {
      const serviceUuid = nobleUuid(spec.uuid);
      const startHandle = handle++;
      const characteristics: GattCharacteristic[] = [];
      for (const c of spec.characteristics) {
        const properties = CHARACTERISTIC_PROPERTIES.filter((p) => c.properties.includes(p));
        const declarationHandle = handle++;
        const valueHandle = handle++;
        const cccdHandle = properties.includes('notify') || properties.includes('indicate') ? handle++ : null;
        const characteristic: GattCharacteristic = {
          serviceUuid,
          uuid: nobleUuid(c.uuid),
          spec: c,
          declarationHandle,
          valueHandle,
          cccdHandle,
          endHandle: handle - 1,
          propertyBits: properties.reduce((bits, p) => bits | PROPERTY_BITS[p], 0),
          properties,
        };
        characteristics.push(characteristic);
        this.byHandle.set(valueHandle, { kind: 'value', characteristic });
        if (cccdHandle !== null) this.byHandle.set(cccdHandle, { kind: 'cccd', characteristic });
      }
      services.push({ uuid: serviceUuid, startHandle, endHandle: handle - 1, characteristics });
    }
    this.services = services;
  }

  service(serviceUuid: string): GattService | undefined {
    return this.services.find((s) => s.uuid === serviceUuid);
  }

  characteristic(serviceUuid: string, characteristicUuid: string): GattCharacteristic | undefined {
    return this.service(serviceUuid)?.characteristics.find((c) => c.uuid === characteristicUuid);
  }

  target(handle: number): HandleTarget | undefined {
    return this.byHandle.get(handle);
  }

  read(c: GattCharacteristic): AttResult<Uint8Array> {
    if (!c.properties.includes('read') || !c.spec.read) {
      return attError(ATT_ERROR.readNotPermitted, `${c.uuid} cannot be read`);
    }
    return c.spec.read();
  }

  write(c: GattCharacteristic, data: Uint8Array, withoutResponse: boolean): AttResult {
    const needed: CharacteristicProperty = withoutResponse ? 'writeWithoutResponse' : 'write';
    if (!c.properties.includes(needed) || !c.spec.write) {
      return attError(ATT_ERROR.writeNotPermitted, `${c.uuid} does not take a write${withoutResponse ? ' without response' : ''}`);
    }
    return c.spec.write(data, withoutResponse);
  }

  /** Turns notifications (or indications) of `c` on or off, as a CCCD write would. */
  setSubscribed(c: GattCharacteristic, enabled: boolean): AttResult {
    if (c.cccdHandle === null) return attError(ATT_ERROR.attributeNotFound, `${c.uuid} has no client characteristic configuration`);
    const was = this.subscribed.has(c);
    if (enabled) this.subscribed.add(c);
    else this.subscribed.delete(c);
    if (was !== enabled) c.spec.onSubscribe?.(enabled);
    return attOk();
  }

  readCccd(c: GattCharacteristic): AttResult<Uint8Array> {
    if (c.cccdHandle === null) return attError(ATT_ERROR.attributeNotFound, `${c.uuid} has no client characteristic configuration`);
    const on = this.subscribed.has(c);
    const bits = on ? (c.properties.includes('notify') ? 0x0001 : 0x0002) : 0;
    return attOk(Uint8Array.of(bits & 0xff, bits >> 8));
  }

  writeCccd(c: GattCharacteristic, data: Uint8Array): AttResult {
    if (data.length !== 2) return attError(ATT_ERROR.invalidAttributeValueLength, `CCCD of ${c.uuid}: ${data.length} bytes, expected 2`);
    const bits = (data[0] ?? 0) | ((data[1] ?? 0) << 8);
    return this.setSubscribed(c, (bits & 0x0003) !== 0);
  }

  isSubscribed(serviceUuid: string, characteristicUuid: string): boolean {
    const c = this.characteristic(serviceUuid, characteristicUuid);
    return c !== undefined && this.subscribed.has(c);
  }

  /** A new connection starts with every notification off (nothing is bonded). */
  clearSubscriptions(): void {
    const was = [...this.subscribed];
    this.subscribed.clear();
    for (const c of was) c.spec.onSubscribe?.(false);
  }
}

/** A read-only characteristic with a fixed UTF-8 string value. */
export function stringCharacteristic(uuid: string, value: () => string): CharacteristicSpec {
  return { uuid, properties: ['read'], read: () => attOk(new TextEncoder().encode(value())) };
}

/** The Generic Access (0x1800) and Generic Attribute (0x1801) services every GATT server has. */
export function standardGapGattServices(deviceName: () => string, appearance: number): ServiceSpec[] {
  return [
    {
      uuid: '1800',
      characteristics: [stringCharacteristic('2a00', deviceName), { uuid: '2a01', properties: ['read'], read: () => attOk(Uint8Array.of(appearance & 0xff, appearance >> 8)) }],
    },
    { uuid: '1801', characteristics: [{ uuid: '2a05', properties: ['indicate'] }] },
  ];
}
