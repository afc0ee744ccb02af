/** The latest progress the app reported for a slow task (an export), while it runs. */
import { useEffect, useState } from 'react';
import type { TaskProgress } from '../bridge/contract';
import { useServices } from '../app/services-context';

export function useTaskProgress(task: TaskProgress['task'], active: boolean): TaskProgress | null {
  const { bridge } = useServices();
  const [progress, setProgress] = useState<TaskProgress | null>(null);
  useEffect(() => {
    if (!active) {
      setProgress(null);
      return;
    }
    return bridge.subscribe('progress', (p) => {
      if (p.task === task) setProgress(p);
    });
  }, [bridge, task, active]);
  return progress;
}
