/**
 * A private `dbus-daemon` (Debian's `dbus` package) for the fake BlueZ: a session-type bus on a
 * unix socket in a fresh temporary folder, with a generated policy. `allow` lets anyone own and
 * call anything (the fake owns `org.bluez`); `deny-bluez` refuses every message sent to
 * `org.bluez`, as a system bus whose policy leaves the user out does.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export type BusPolicy = 'allow' | 'deny-bluez';

export interface PrivateBus {
  /** The bus address, for `DBUS_SYSTEM_BUS_ADDRESS`. */
  readonly address: string;
  /** Ends the daemon and removes its folder. */
  stop(): Promise<void>;
}

export const DBUS_DAEMON_MISSING = 'dbus-daemon was not found: the D-Bus tests and `npm run fake-bluez` need Debian’s dbus package (`apt-get install -y dbus`)';

/** The daemon's configuration for a socket path and a policy. */
export function busConfig(socketPath: string, policy: BusPolicy): string {
  const deny = policy === 'deny-bluez' ? '\n    <deny send_destination="org.bluez"/>' : '';
  return `<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:path=${socketPath}</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow user="*"/>
    <allow own="*"/>
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>${deny}
  </policy>
  <limit name="max_incoming_bytes">1000000000</limit>
  <limit name="max_outgoing_bytes">1000000000</limit>
  <limit name="max_message_size">1000000000</limit>
  <limit name="max_replies_per_connection">50000</limit>
</busconfig>
`;
}

export async function startPrivateBus(policy: BusPolicy = 'allow', daemon = 'dbus-daemon'): Promise<PrivateBus> {
  const dir = mkdtempSync(join(tmpdir(), 'roller-dbus-'));
  const configPath = join(dir, 'bus.conf');
  writeFileSync(configPath, busConfig(join(dir, 'bus'), policy));
  // A process group of its own: Ctrl-C in a terminal reaches the program that started the bus,
  // which stops it after its own shutdown (which still talks over the bus), not the daemon first.
  const child = spawn(daemon, [`--config-file=${configPath}`, '--nofork', '--nopidfile', '--print-address'], { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  try {
    const address = await firstLine(child);
    return {
      address,
      stop: async () => {
        await stopChild(child);
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (err) {
    child.kill();
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
}

function firstLine(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    let errText = '';
    child.stdout!.setEncoding('utf8');
    child.stderr!.setEncoding('utf8');
    child.stderr!.on('data', (d: string) => (errText += d));
    child.stdout!.on('data', (d: string) => {
      out += d;
      const nl = out.indexOf('\n');
      if (nl >= 0) resolve(out.slice(0, nl).trim());
    });
    child.once('error', (err: NodeJS.ErrnoException) => reject(err.code === 'ENOENT' ? new Error(DBUS_DAEMON_MISSING) : err));
    child.once('exit', (code) => reject(new Error(`dbus-daemon ended before it listened (exit ${code}): ${errText.trim()}`)));
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}
