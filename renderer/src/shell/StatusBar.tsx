import { useCallback, useEffect, useState } from 'react';
import type { FieldbookApi } from '../../../shared/api/contract';
import type { AppInfo } from '../../../shared/model/app';
import type { NotebookInfo } from '../../../shared/model/notebook';
import type { TaskProgress } from '../../../shared/model/task';

const FINISHED_VISIBLE_MS = 4000;

/** Where the notebook lives, and the progress of long work in main, with a way to cancel it. */
interface StatusBarProps {
  api: FieldbookApi;
  info: AppInfo;
  notebook: NotebookInfo;
  /** Files being handed over for import, before main's task starts. */
  preparing: { done: number; total: number } | undefined;
}

export function StatusBar({ api, info, notebook, preparing }: StatusBarProps) {
  const [tasks, setTasks] = useState<ReadonlyMap<string, TaskProgress>>(new Map());

  const dismiss = useCallback(
    (taskId: string) =>
      setTasks((current) => {
        const next = new Map(current);
        next.delete(taskId);
        return next;
      }),
    [],
  );

  useEffect(() => {
    const put = (task: TaskProgress) => setTasks((current) => new Map(current).set(task.taskId, task));
    const stop = api.on('task.progress', (task) => {
      put(task);
      // A failure stays until it is dismissed: its reason must not go by while the user looks elsewhere.
      if (task.state === 'done' || task.state === 'cancelled') setTimeout(() => dismiss(task.taskId), FINISHED_VISIBLE_MS);
    });
    api.call('tasks.list', {}).then((running) => running.forEach(put), () => undefined);
    return stop;
  }, [api, dismiss]);

  return (
    <footer className="status-bar">
      <span className="status-notebook" dir="auto" title={notebook.path}>
        {notebook.path}
      </span>
      <ul className="tasks" aria-live="polite" aria-label="Background tasks">
        {preparing && (
          <li className="task task-running">
            <span>
              Preparing {preparing.done} of {preparing.total} files
            </span>
            <progress max={preparing.total} value={preparing.done} aria-label="Preparing files for import" />
          </li>
        )}
        {[...tasks.values()].map((task) => (
          <li key={task.taskId} className={`task task-${task.state}`}>
            <span dir="auto" {...(task.state === 'failed' ? { role: 'alert' } : {})}>
              {describeTask(task)}
            </span>
            {task.state === 'running' ? (
              <>
                <progress max={task.total ?? undefined} value={task.total === null ? undefined : task.done} aria-label={`${task.label} progress`} />
                <button type="button" onClick={() => void api.call('tasks.cancel', { taskId: task.taskId })}>
                  Cancel
                </button>
              </>
            ) : (
              task.state === 'failed' && (
                <button type="button" onClick={() => dismiss(task.taskId)}>
                  Dismiss
                </button>
              )
            )}
          </li>
        ))}
      </ul>
      <span className="status-host">
        Fieldbook {info.version} · {info.host === 'electron' ? 'desktop' : 'browser host, this computer only'}
      </span>
    </footer>
  );
}

/** One task as a sentence: how far it has got, or how it ended and why. */
function describeTask(task: TaskProgress): string {
  switch (task.state) {
    case 'running':
      // done may count part of a step (a long file's pages read so far): the words count whole steps.
      return `${task.label}${task.total === null ? '' : ` ${Math.floor(task.done)} of ${task.total}`}${task.message ? `: ${task.message}` : ''}`;
    case 'done':
      return `${task.label}: done`;
    case 'cancelled':
      return `${task.label}: cancelled`;
    case 'failed':
      return `${task.label} failed: ${task.message ?? 'no reason was given'}`;
  }
}
