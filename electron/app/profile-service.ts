/**
 * The user's profile (roller, spine map, limits, units) and the safety screening answers, as
 * stored and as the renderer changes them: `screening.submit`, `profile.update`.
 */
import { ProfileSchema, type Profile, type Screening, type ScreeningAnswers } from '../ipc/ipc-contract';
import { dwellLimitAfterNudge } from '../motion/motion-settings';
import { DEFAULT_PROFILE } from '../session/profile';
import type { AppStore } from './app-store';
import type { RequestHandlers } from './request-handlers';

export interface ProfileServiceOptions {
  store: AppStore;
  now: () => Date;
  /** Something the snapshot shows changed. */
  changed: () => void;
}

export class ProfileService {
  private current: Profile;
  private answered: Screening | null;

  constructor(private readonly o: ProfileServiceOptions) {
    const parsed = ProfileSchema.safeParse(o.store.loadProfile() ?? DEFAULT_PROFILE);
    this.current = parsed.success ? parsed.data : ProfileSchema.parse(DEFAULT_PROFILE);
    this.answered = o.store.loadScreening();
  }

  get profile(): Profile {
    return this.current;
  }

  get screening(): Screening | null {
    return this.answered;
  }

  readonly handlers: Pick<RequestHandlers, 'screening.submit' | 'profile.update'> = {
    'screening.submit': (answers) => this.submitScreening(answers),
    'profile.update': (patch) => this.update(patch),
  };

  submitScreening(a: ScreeningAnswers): Screening {
    const screening: Screening = { ...a, answeredAt: this.o.now().toISOString(), needsClearance: Object.values(a.answers).some(Boolean) };
    this.o.store.saveScreening(screening);
    this.answered = screening;
    this.o.changed();
    return screening;
  }

  update(patch: Partial<Profile>): Profile {
    const next = ProfileSchema.parse({ ...this.current, ...patch });
    if (!dwellLimitAfterNudge(next)) throw new Error('the dwell limit must be longer than the nudge');
    this.current = next;
    this.o.store.saveProfile(next);
    this.o.changed();
    return next;
  }

  /** Back to the first run (the store was erased): the default profile, no screening. */
  reset(): void {
    this.current = ProfileSchema.parse(DEFAULT_PROFILE);
    this.answered = null;
  }
}
