/**
 * The top navigation between the screens (number keys 1–5 also switch). A tab clicked with the
 * pointer keeps no focus, so Space goes on meaning "start / stop the session" rather than
 * pressing the tab again; a tab chosen from the keyboard keeps it, as keyboard users expect.
 */
import type { MouseEvent } from 'react';
import { useNavigation } from './navigation';
import { SCREENS } from './screens';

export function NavBar() {
  const { screen, go } = useNavigation();
  return (
    <nav className="nav" aria-label="Screens">
      <ul className="nav__list">
        {SCREENS.map((s) => (
          <li key={s.id}>
            <button
              type="button"
              className={`nav__item ${screen === s.id ? 'nav__item--current' : ''}`}
              aria-current={screen === s.id ? 'page' : undefined}
              onClick={(e: MouseEvent<HTMLButtonElement>) => {
                // detail counts pointer clicks; 0 is Enter or Space on the focused tab.
                if (e.detail > 0) e.currentTarget.blur();
                go(s.id);
              }}
              data-testid={`nav-${s.id}`}
              aria-keyshortcuts={s.key}
            >
              {s.label}
              <kbd className="nav__key" aria-hidden="true">
                {s.key}
              </kbd>
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
