/**
 * Saving a profile form: sends the patch (`profile.update`), applies the saved profile to the
 * app's state and says "Saved" until the next edit; a patch that did not validate puts the focus
 * on the first field to fix instead.
 */
import { useState } from 'react';
import type { Profile } from '../bridge/contract';
import { useServices } from '../app/services-context';
import { useAction } from './use-action';

export interface ProfileSave {
  busy: boolean;
  error: string | null;
  saved: boolean;
  /** The form changed since the last save. */
  edited(): void;
  /** Saves `patch`, or, when it is null, focuses the element `focusId`; true once saved. */
  submit(patch: Partial<Profile> | null, focusId: string | null): Promise<boolean>;
}

export function useProfileSave(): ProfileSave {
  const { bridge, store } = useServices();
  const [saved, setSaved] = useState(false);
  const save = useAction(async (patch: Partial<Profile>) => bridge.request('profile.update', patch));
  return {
    busy: save.busy,
    error: save.error,
    saved,
    edited: () => setSaved(false),
    async submit(patch, focusId) {
      if (!patch) {
        if (focusId) document.getElementById(focusId)?.focus();
        return false;
      }
      const p = await save.run(patch);
      if (!p) return false;
      store.applyProfile(p);
      setSaved(true);
      return true;
    },
  };
}
