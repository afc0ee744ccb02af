import { createContext, useContext } from 'react';
import type { ScreenId } from './screens';

export interface Navigation {
  screen: ScreenId;
  go(screen: ScreenId): void;
  /** Opens the screening questions again (from Settings). */
  retakeScreening(): void;
  /** Opens one stored session's review (on the History screen). */
  openReview(sessionId: number): void;
}

export const NavigationContext = createContext<Navigation>({ screen: 'session', go: () => {}, retakeScreening: () => {}, openReview: () => {} });

export const useNavigation = (): Navigation => useContext(NavigationContext);
