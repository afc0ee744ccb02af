/** The top navigation between the screens (number keys 1–5 also switch). */
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
              onClick={() => go(s.id)}
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
