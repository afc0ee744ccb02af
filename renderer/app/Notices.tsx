/** Problems the app wants the user to see (from the snapshot). */
export function Notices({ notices }: { notices: readonly string[] }) {
  if (notices.length === 0) return null;
  return (
    <ul className="notices" role="status" aria-label="Notices" data-testid="notices">
      {notices.map((n, i) => (
        <li key={i} className="notice notice--warn">
          <span aria-hidden="true">ℹ </span>
          {n}
        </li>
      ))}
    </ul>
  );
}
