/**
 * What the user can do with a session under review: export it (recording CSV, JSON summary, the
 * track and an image of the charts; then open the folder, or copy its path in a browser), analyse it again with the current settings, or delete it — the last two
 * after a confirmation. Slow work shows its progress.
 */
import { useState } from 'react';
import type { ExportResult, ReanalysisResult, SessionReview } from '../../bridge/contract';
import { useServices } from '../../app/services-context';
import { useSnapshot } from '../../app/use-app-state';
import { ErrorLine } from '../../common/ErrorLine';
import { ProgressLine } from '../../common/ProgressLine';
import { ConfirmDialog } from '../../common/ConfirmDialog';
import { startTimeText } from '../history/history-format';
import { useAction } from '../../common/use-action';
import { useTaskProgress } from '../../common/use-task-progress';
import { formatSpeed, lengthText, type Units } from '../../common/units';
import { formatDurationWords } from '../../common/time-format';

type Confirm = 'none' | 'reanalyze' | 'delete';

interface Props {
  review: SessionReview;
  units: Units;
  /** The chart image for the export (base64 PNG), or null when the charts are not drawn. */
  chartImage(): string | null;
  onReanalysed(result: ReanalysisResult): void;
  onDeleted(id: number): void;
  /** Opens the printable one-page report. */
  onReport?(): void;
}

/**
 * Where the export went: the desktop app opens the folder with the system's file manager (main
 * does, `exports.openFolder`); a browser cannot open folders, so there the path is shown with a
 * button that copies it.
 */
function ExportFolder({ folder }: { folder: string }) {
  const { bridge } = useServices();
  const { host } = useSnapshot();
  const [copied, setCopied] = useState<boolean | null>(null);
  const open = useAction(() => bridge.request('exports.openFolder', {}));
  if (host === 'electron') {
    return (
      <>
        <button type="button" className="btn btn--secondary" disabled={open.busy} onClick={() => void open.run()} data-testid="export-open-folder">
          Open folder
        </button>
        <ErrorLine error={open.error && `Could not open the folder: ${open.error}`} testId="export-open-error" />
      </>
    );
  }
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(folder);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };
  return (
    <div className="review__export-path">
      <input className="review__path" readOnly value={folder} aria-label="Export folder" onFocus={(e) => e.currentTarget.select()} data-testid="export-folder-path" />
      <button type="button" className="btn btn--secondary" onClick={() => void copy()} data-testid="export-copy-path">
        Copy path
      </button>
      <span role="status" data-testid="export-copy-status">
        {copied === true ? '✓ Copied' : copied === false ? 'Copying is not allowed here: select the path and copy it.' : ''}
      </span>
    </div>
  );
}

export function ReviewActions({ review, units, chartImage, onReanalysed, onDeleted, onReport }: Props) {
  const { bridge } = useServices();
  const { profile } = useSnapshot();
  const id = review.session.id;
  const [confirm, setConfirm] = useState<Confirm>('none');
  const [exported, setExported] = useState<ExportResult | null>(null);
  const [reanalysed, setReanalysed] = useState<ReanalysisResult | null>(null);

  const exportAction = useAction(async () => {
    setExported(null);
    const png = chartImage();
    const result = await bridge.request('sessions.export', png ? { id, chartPngBase64: png } : { id });
    setExported(result);
  });
  const reanalyzeAction = useAction(async () => {
    setReanalysed(null);
    const result = await bridge.request('sessions.reanalyze', { id });
    setConfirm('none');
    setReanalysed(result);
    onReanalysed(result);
  });
  const deleteAction = useAction(async () => {
    await bridge.request('sessions.delete', { id });
    onDeleted(id);
  });
  const exportProgress = useTaskProgress('export', exportAction.busy);
  const busy = exportAction.busy || reanalyzeAction.busy || deleteAction.busy;

  const limit = formatSpeed(profile.speedLimitInPerS, units);
  const spine =
    profile.neckAboveCm !== null && profile.lumbarBelowCm !== null
      ? `neck above +${lengthText(profile.neckAboveCm, units, 0)}, lower back below −${lengthText(profile.lumbarBelowCm, units, 0)} (your calibration)`
      : `spine map from your height (${Math.round(profile.bodyHeightCm)} cm)`;

  return (
    <section className="card review__actions" aria-labelledby="review-actions-heading" data-testid="review-actions">
      <h2 id="review-actions-heading">This session</h2>
      <div className="review__action-buttons">
        <button type="button" className="btn btn--primary" disabled={busy} onClick={() => void exportAction.run()} data-testid="review-export">
          Export
        </button>
        {onReport && (
          <button type="button" className="btn btn--secondary" disabled={busy} onClick={onReport} data-testid="review-report">
            Printable report
          </button>
        )}
        <button type="button" className="btn btn--secondary" disabled={busy} onClick={() => setConfirm('reanalyze')} data-testid="review-reanalyze">
          Analyse again…
        </button>
        <button type="button" className="btn btn--danger" disabled={busy} onClick={() => setConfirm('delete')} data-testid="review-delete">
          Delete…
        </button>
      </div>

      {exportAction.busy && <ProgressLine fraction={exportProgress?.fraction ?? 0} message="Exporting…" testId="export-progress" />}
      {exported && (
        <div className="review__exported" role="status" data-testid="export-done">
          <p>Saved in {exported.folder}:</p>
          <ul>
            {exported.files.map((f) => (
              <li key={f.path} data-kind={f.kind}>
                <code>{f.name}</code>
              </li>
            ))}
          </ul>
          <ExportFolder folder={exported.folder} />
        </div>
      )}
      <ErrorLine error={exportAction.error && `Could not export: ${exportAction.error}`} testId="export-error" />

      {confirm === 'reanalyze' && (
        <ConfirmDialog
          title="Analyse this session again?"
          confirmLabel="Analyse again"
          cancelLabel="Cancel"
          busy={busy}
          onConfirm={() => void reanalyzeAction.run()}
          onCancel={() => setConfirm('none')}
          testId="reanalyze-confirm"
          confirmTestId="reanalyze-confirm-yes"
        >
          <p>
            The recorded motion goes through the engine again with your current settings: speed limit {limit.value} {limit.unit}, a nudge after {profile.dwellNudgeS} s and a limit of{' '}
            {profile.dwellLimitS} s on one spot, {spine}.
          </p>
          <p>The roller size it was recorded with ({review.settings.rollerDiameterIn} in) is kept. Its warnings and figures are replaced; the recording itself does not change.</p>
          {reanalyzeAction.busy && <ProgressLine fraction={null} message="Analysing the session again…" testId="reanalyze-progress" />}
          <ErrorLine error={reanalyzeAction.error && `Could not analyse again: ${reanalyzeAction.error}`} testId="reanalyze-error" />
        </ConfirmDialog>
      )}
      {reanalysed && (
        <p className="review__reanalysed" role="status" data-testid="reanalyze-done">
          Analysed again ({reanalysed.samples.toLocaleString()} samples): warnings {reanalysed.before.events} → {reanalysed.after.events}
          {reanalysed.before.summary && reanalysed.session.summary
            ? `, rolling ${formatDurationWords(reanalysed.before.summary.rollingS)} → ${formatDurationWords(reanalysed.session.summary.rollingS)}`
            : ''}
          .
        </p>
      )}
      {confirm === 'delete' && (
        <ConfirmDialog
          title="Delete this session for good?"
          confirmLabel="Delete for good"
          cancelLabel="Keep it"
          danger
          busy={busy}
          onConfirm={() => void deleteAction.run()}
          onCancel={() => setConfirm('none')}
          testId="delete-confirm"
          confirmTestId="delete-confirm-yes"
        >
          <p>
            The session of {review.session.day} at {startTimeText(review.session.startedAt)} — its recording, track and warnings — is removed from this computer. This cannot be undone.
          </p>
          <p>Export it first if you want to keep a copy.</p>
          <ErrorLine error={deleteAction.error && `Could not delete: ${deleteAction.error}`} testId="delete-error" />
        </ConfirmDialog>
      )}
    </section>
  );
}
