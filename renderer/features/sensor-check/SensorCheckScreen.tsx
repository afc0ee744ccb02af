/**
 * Sensor check: the connected sensor in plain words — what it is, its signal over time, the
 * sample rate measured against the one asked for, lost messages, gaps and reconnects, the app's
 * processing time, the roller axis the app found and how sure it is, a live raw view, the
 * sample-rate choice, the technical details — and "Copy diagnostics" for a support report.
 * Figures come from main (`sensors.check`, asked once a second while this shows).
 */
import { useState } from 'react';
import type { SampleRateChoiceHz, SensorCheck } from '../../bridge/contract';
import { useNavigation } from '../../app/navigation';
import { useServices } from '../../app/services-context';
import { useSnapshot } from '../../app/use-app-state';
import { ErrorLine } from '../../common/ErrorLine';
import { useAction } from '../../common/use-action';
import { copyToClipboard } from './copy-text';
import { diagnosticsReport } from './diagnostics-report';
import { RawMotionChart } from './RawMotionChart';
import { axisText, gapsText, lostText, PROCESSING_MEANS, processingText, rateText, sensorRows, signalText, technicalRows, type FigureRow } from './sensor-check-text';
import { SignalChart } from './SignalChart';
import { useSensorCheck } from './use-sensor-check';
import './sensor-check.css';

interface Props {
  /** Puts the report on the clipboard (default: the browser's clipboard). */
  copyText?: (text: string) => Promise<void>;
  /** How often the figures are asked for, ms. */
  everyMs?: number;
}

export function SensorCheckScreen({ copyText = copyToClipboard, everyMs }: Props) {
  const { check, error, replace } = useSensorCheck(everyMs);
  const { go } = useNavigation();
  const showing = check !== null && check.connected && check.sensor !== null;
  return (
    <div className="sensor-check" data-testid="sensor-check-screen">
      <h1>Sensor check</h1>
      <ErrorLine error={error} testId="sensor-check-error" />
      {check === null && !error && <p className="sensor-check__loading">Reading the sensor…</p>}
      {check !== null && !showing && (
        <section className="card sensor-check__none" data-testid="sensor-check-none">
          <p>No sensor is connected, so there is nothing to check.</p>
          <p>Pair your sensor, or use the simulated roller, on the Pair screen.</p>
          <button type="button" className="btn btn--primary" onClick={() => go('pair')} data-testid="check-go-pair">
            Go to Pair
          </button>
        </section>
      )}
      {showing && <CheckedSensor check={check} onCheck={replace} />}
      {check !== null && <CopyDiagnostics copyText={copyText} />}
    </div>
  );
}

function CheckedSensor({ check, onCheck }: { check: SensorCheck; onCheck(c: SensorCheck): void }) {
  const rate = rateText(check);
  const lost = lostText(check);
  const axis = axisText(check);
  return (
    <div className="sensor-check__grid">
      <section className="card" aria-labelledby="check-sensor-heading">
        <h2 id="check-sensor-heading">Sensor</h2>
        <Rows rows={sensorRows(check)} />
      </section>
      <section className="card" aria-labelledby="check-link-heading">
        <h2 id="check-link-heading">Link</h2>
        <dl className="check-rows">
          <Row id="rate" label="Sample rate" value={rate.value} warn={rate.warn} />
          <Row id="lost" label="Messages lost" value={lost.value} warn={lost.warn} />
          <Row id="gaps" label="Gaps" value={gapsText(check)} warn={check.link.gaps > 0 || check.link.reconnects > 0} />
          <Row id="processing" label="Processing time" value={processingText(check)} />
          <Row id="signal" label="Signal" value={signalText(check)} />
        </dl>
        <SignalChart rssi={check.link.rssi} />
        <p className="sensor-check__small">Processing time: {PROCESSING_MEANS}.</p>
      </section>
      <section className="card" aria-labelledby="check-axis-heading">
        <h2 id="check-axis-heading">Roller axis</h2>
        <p className="check-axis" data-testid="check-axis">
          {axis.value}
        </p>
        <p className="check-axis__sure" data-testid="check-axis-sure">
          How sure the app is: <strong>{axis.sure}</strong>
        </p>
        <p className="sensor-check__small">
          {check.axis.from === 'session' ? 'From the session running now.' : 'From the motion since the sensor connected; a session finds it again from its start.'}
        </p>
      </section>
      <RateChoice check={check} onCheck={onCheck} />
      <section className="card sensor-check__raw" aria-labelledby="check-raw-heading">
        <h2 id="check-raw-heading">Live motion, raw</h2>
        <div className="sensor-check__charts">
          <RawMotionChart kind="accel" raw={check.raw} />
          <RawMotionChart kind="gyro" raw={check.raw} />
        </div>
      </section>
      <details className="card sensor-check__technical" data-testid="technical-details">
        <summary>Technical details</summary>
        <Rows rows={technicalRows(check)} />
      </details>
    </div>
  );
}

function RateChoice({ check, onCheck }: { check: SensorCheck; onCheck(c: SensorCheck): void }) {
  const { bridge } = useServices();
  const { session } = useSnapshot();
  const set = useAction(async (hz: SampleRateChoiceHz) => onCheck(await bridge.request('sensors.setSampleRate', { hz })));
  const running = session.state === 'running';
  const choices = check.rate.choicesHz;
  return (
    <section className="card" aria-labelledby="check-rate-heading">
      <h2 id="check-rate-heading">Sample rate</h2>
      {choices.length === 0 ? (
        <p>{check.sensor?.kind === 'replay' ? 'A recording plays at the rate it was recorded.' : 'This sensor offers no choice.'}</p>
      ) : (
        <>
          <div className="rate-choice" role="radiogroup" aria-label="Sample rate">
            {choices.map((hz) => (
              <label key={hz} className={`rate-choice__option ${check.rate.chosenHz === hz ? 'rate-choice__option--on' : ''}`}>
                <input
                  type="radio"
                  name="sample-rate"
                  value={hz}
                  checked={check.rate.chosenHz === hz}
                  disabled={set.busy || running}
                  onChange={() => void set.run(hz)}
                  data-testid={`rate-choice-${hz}`}
                />
                {hz} Hz
              </label>
            ))}
          </div>
          <p className="sensor-check__small">
            {running ? 'Stop the session to change the rate.' : '200 Hz follows quick motion more finely and uses more battery. The sensor restarts its stream; the app remembers your choice.'}
          </p>
        </>
      )}
      <ErrorLine error={set.error} testId="rate-error" />
    </section>
  );
}

function CopyDiagnostics({ copyText }: { copyText(text: string): Promise<void> }) {
  const { bridge } = useServices();
  const [report, setReport] = useState<{ text: string; copied: boolean } | null>(null);
  const copy = useAction(async () => {
    const text = diagnosticsReport(await bridge.request('sensors.diagnostics', {}));
    try {
      await copyText(text);
      setReport({ text, copied: true });
    } catch {
      setReport({ text, copied: false });
    }
  });
  return (
    <section className="card sensor-check__copy" aria-labelledby="check-copy-heading">
      <h2 id="check-copy-heading">Need help?</h2>
      <p>Copy a plain-text report of this check (with the app version and your system) to paste into a message to support. It holds nothing about your sessions.</p>
      <button type="button" className="btn btn--primary" onClick={() => void copy.run()} disabled={copy.busy} data-testid="copy-diagnostics">
        Copy diagnostics
      </button>
      <ErrorLine error={copy.error} testId="copy-error" />
      {report && (
        <p className="sensor-check__copied" role="status" data-testid="copy-status" data-copied={report.copied}>
          {report.copied ? 'Copied. Paste it into your message.' : 'This window may not use the clipboard: select the report below and copy it.'}
        </p>
      )}
      {report && !report.copied && <textarea className="sensor-check__report" readOnly value={report.text} rows={12} data-testid="diagnostics-text" aria-label="The report" />}
    </section>
  );
}

function Rows({ rows }: { rows: FigureRow[] }) {
  return (
    <dl className="check-rows">
      {rows.map((r) => (
        <Row key={r.id} {...r} />
      ))}
    </dl>
  );
}

function Row({ id, label, value, warn }: FigureRow) {
  return (
    <div className={`check-row ${warn ? 'check-row--warn' : ''}`} data-testid={`check-${id}`}>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}
