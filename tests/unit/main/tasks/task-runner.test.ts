import { describe, expect, it } from 'vitest';
import { EventBus } from '../../../../main/bus/event-bus';
import { TaskRunner } from '../../../../main/tasks/task-runner';
import type { TaskProgress } from '../../../../shared/model/task';

function runner(): { tasks: TaskRunner; seen: TaskProgress[] } {
  const events = new EventBus();
  const seen: TaskProgress[] = [];
  events.subscribe((event, payload) => {
    if (event === 'task.progress') seen.push(payload as TaskProgress);
  });
  return { tasks: new TaskRunner(events, { minIntervalMs: 0 }), seen };
}

describe('task runner', () => {
  it('reports progress and completion', async () => {
    const { tasks, seen } = runner();
    const task = tasks.start('count', 'Counting to 3', async ({ progress }) => {
      for (let i = 1; i <= 3; i += 1) progress(i, 3, `step ${i}`);
      return 'ok';
    });
    expect(tasks.list()).toHaveLength(1);
    expect(await task.result).toBe('ok');
    expect(seen.map((p) => [p.state, p.done])).toEqual([['running', 0], ['running', 1], ['running', 2], ['running', 3], ['done', 3]]);
    expect(tasks.list()).toHaveLength(0);
  });

  it('cancels through the abort signal', async () => {
    const { tasks, seen } = runner();
    const task = tasks.start('wait', 'Waiting', ({ signal }) => new Promise((_resolve, reject) => signal.addEventListener('abort', () => reject(new Error('aborted')))));
    expect(tasks.cancel(task.taskId)).toBe(true);
    await expect(task.result).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(seen.at(-1)?.state).toBe('cancelled');
    expect(tasks.cancel(task.taskId)).toBe(false);
  });

  it('reports a failure with its message', async () => {
    const { tasks, seen } = runner();
    const task = tasks.start('fail', 'Failing', async () => {
      throw new Error('disk full');
    });
    await expect(task.result).rejects.toThrow('disk full');
    expect(seen.at(-1)).toMatchObject({ state: 'failed', message: 'disk full' });
  });

  it('throttles progress events but always sends the last state', async () => {
    const events = new EventBus();
    const seen: TaskProgress[] = [];
    events.subscribe((_event, payload) => seen.push(payload as TaskProgress));
    const tasks = new TaskRunner(events, { minIntervalMs: 60_000 });
    await tasks.start('many', 'Many steps', async ({ progress }) => {
      for (let i = 1; i <= 1000; i += 1) progress(i, 1000);
    }).result;
    expect(seen.length).toBeLessThanOrEqual(3);
    expect(seen.at(-1)).toMatchObject({ state: 'done', done: 1000 });
  });

  it('sends a state the throttle held back once the interval is up, while the work goes on', async () => {
    const events = new EventBus();
    const seen: TaskProgress[] = [];
    events.subscribe((_event, payload) => seen.push(payload as TaskProgress));
    const tasks = new TaskRunner(events, { minIntervalMs: 50 });
    let finish: () => void = () => undefined;
    // Resolves when the held-back state is sent, however late a busy machine runs the timer.
    const heldBackSent = new Promise<void>((resolve) => events.subscribe((_event, payload) => (payload as TaskProgress).message === 'big.pdf' && resolve()));
    const task = tasks.start('slow', 'Slow step', async ({ progress }) => {
      progress(0, 4, 'big.pdf');
      await new Promise<void>((resolve) => (finish = resolve));
    });
    await heldBackSent;
    expect(seen.at(-1)).toMatchObject({ state: 'running', done: 0, total: 4, message: 'big.pdf' });
    finish();
    await task.result;
    expect(seen.at(-1)).toMatchObject({ state: 'done' });
  });
});
