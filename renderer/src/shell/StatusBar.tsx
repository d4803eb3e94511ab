import { useEffect, useState } from 'react';
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

  useEffect(() => {
    const put = (task: TaskProgress) => setTasks((current) => new Map(current).set(task.taskId, task));
    const stop = api.on('task.progress', (task) => {
      put(task);
      if (task.state !== 'running') {
        setTimeout(() => setTasks((current) => {
          const next = new Map(current);
          next.delete(task.taskId);
          return next;
        }), FINISHED_VISIBLE_MS);
      }
    });
    api.call('tasks.list', {}).then((running) => running.forEach(put), () => undefined);
    return stop;
  }, [api]);

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
            <span dir="auto">
              {task.label}
              {task.state !== 'running' ? ':' : ''}
              {/* done may count part of a step (a long file's pages read so far): the words count whole steps. */}
              {task.total !== null && task.state === 'running' ? ` ${Math.floor(task.done)} of ${task.total}` : ''}
              {task.message && task.state === 'running' ? `: ${task.message}` : ''}
            </span>
            {task.state === 'running' ? (
              <>
                <progress max={task.total ?? undefined} value={task.total === null ? undefined : task.done} aria-label={`${task.label} progress`} />
                <button type="button" onClick={() => void api.call('tasks.cancel', { taskId: task.taskId })}>
                  Cancel
                </button>
              </>
            ) : (
              <span>{task.state === 'done' ? 'done' : task.state === 'cancelled' ? 'cancelled' : `failed (${task.message ?? 'no reason given'})`}</span>
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
