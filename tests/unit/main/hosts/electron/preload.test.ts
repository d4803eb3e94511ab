import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import vm from 'node:vm';
import { beforeEach, describe, expect, it } from 'vitest';
import { IPC_CALL_CHANNEL, IPC_DOWNLOAD_CHANNEL, IPC_EVENT_CHANNEL, IPC_UPLOAD_CHANNEL, type FieldbookBridge } from '../../../../../shared/api/bridge';
import type { EventEnvelope } from '../../../../../shared/api/contract';
import { builtBundle } from './built-bundle';

// What Electron's sandboxed preload may require: electron's renderer modules and three polyfills, also
// with the node: prefix since Electron 25 (docs: "Process Sandboxing"; electron/electron#38567).
const POLYFILLS = ['events', 'timers', 'url'];
const SANDBOX_MODULES = ['electron', ...POLYFILLS, ...POLYFILLS.map((name) => `node:${name}`)];

type IpcListener = (event: unknown, ...args: unknown[]) => void;

/**
 * The built preload in a fresh realm shaped like Electron's sandboxed
 * preload: a require that knows only `electron` and the polyfills (Node's
 * own modules stand in for those), and none of Node's module globals
 * (__filename, __dirname, module, process), so a banner or a stray Node
 * import fails here as it would in the window.
 */
function runPreload() {
  const exposed = new Map<string, unknown>();
  const invocations: unknown[][] = [];
  const listeners = new Map<string, Set<IpcListener>>();
  const required: string[] = [];
  const electron = {
    contextBridge: {
      exposeInMainWorld: (key: string, api: unknown) => exposed.set(key, api),
    },
    ipcRenderer: {
      invoke: (...args: unknown[]) => {
        invocations.push(args);
        return Promise.resolve({ ok: true, result: 'answered' });
      },
      on: (channel: string, listener: IpcListener) => listeners.set(channel, (listeners.get(channel) ?? new Set()).add(listener)),
      off: (channel: string, listener: IpcListener) => listeners.get(channel)?.delete(listener),
    },
  };
  const nodeRequire = createRequire(import.meta.url);
  const sandboxRequire = (id: string): unknown => {
    required.push(id);
    if (id === 'electron') return electron;
    if (SANDBOX_MODULES.includes(id)) return nodeRequire(id);
    throw new Error(`module not found: ${id}`);
  };
  const context = vm.createContext({});
  const file = builtBundle('preload.cjs');
  const preload = vm.compileFunction(readFileSync(file, 'utf8'), ['require'], { filename: file, parsingContext: context });
  preload(sandboxRequire);
  return { exposed, invocations, listeners, required, context };
}

describe('the built sandboxed preload', () => {
  let preload: ReturnType<typeof runPreload>;
  let bridge: FieldbookBridge;

  // Run by each test rather than in a hook, so that a preload that throws fails every test by name.
  beforeEach(() => {
    preload = runPreload();
    bridge = preload.exposed.get('fieldbookBridge') as FieldbookBridge;
  });

  it('runs without Node globals and exposes exactly fieldbookBridge with call, upload, download and onEvent', () => {
    expect([...preload.exposed.keys()]).toEqual(['fieldbookBridge']);
    expect(Object.keys(bridge).sort()).toEqual(['call', 'download', 'onEvent', 'upload']);
    for (const member of Object.values(bridge)) expect(typeof member).toBe('function');
  });

  it('requires only what the sandbox provides, at run time and anywhere in the bundle', () => {
    expect(preload.required).toContain('electron');
    for (const id of preload.required) expect(SANDBOX_MODULES).toContain(id);
    const source = readFileSync(builtBundle('preload.cjs'), 'utf8');
    const literal = [...source.matchAll(/\brequire\(\s*(["'])([^"']+)\1\s*\)/g)].map((match) => match[2]);
    // Every require is a literal one (no computed module names) and names a module the sandbox provides.
    expect(literal.length).toBe([...source.matchAll(/\brequire\s*\(/g)].length);
    for (const id of literal) expect(SANDBOX_MODULES).toContain(id);
  });

  it('sends calls on the call channel and returns the answer', async () => {
    await expect(bridge.call('notebook.info', { a: 1 })).resolves.toEqual({ ok: true, result: 'answered' });
    expect(preload.invocations).toEqual([[IPC_CALL_CHANNEL, 'notebook.info', { a: 1 }]]);
  });

  it('sends uploads as bytes on the upload channel, from a Blob or an ArrayBuffer', async () => {
    await bridge.upload('batch-1', 'folder/a.txt', new Blob([new Uint8Array([1, 2, 3])]));
    const buffer = vm.runInContext('new Uint8Array([4, 5]).buffer', preload.context) as ArrayBuffer;
    await bridge.upload('batch-1', 'b.txt', buffer);
    expect(preload.invocations.map(([channel, batch, relativePath, data]) => [channel, batch, relativePath, [...(data as Uint8Array)]])).toEqual([
      [IPC_UPLOAD_CHANNEL, 'batch-1', 'folder/a.txt', [1, 2, 3]],
      [IPC_UPLOAD_CHANNEL, 'batch-1', 'b.txt', [4, 5]],
    ]);
  });

  it('asks for a download by its id only on the download channel', async () => {
    await bridge.download('download-1', 'notebook.fieldbook');
    expect(preload.invocations).toEqual([[IPC_DOWNLOAD_CHANNEL, 'download-1']]);
  });

  it('forwards events from the event channel without the IPC event, and stops when unsubscribed', () => {
    const received: EventEnvelope[] = [];
    const unsubscribe = bridge.onEvent((envelope) => received.push(envelope));
    const subscribed = [...(preload.listeners.get(IPC_EVENT_CHANNEL) ?? [])];
    expect(subscribed).toHaveLength(1);
    const envelope = { event: 'notebook.changed', payload: { name: 'x' } };
    subscribed[0]?.({ sender: 'the ipcRenderer, which must not reach the page' }, envelope);
    expect(received).toEqual([envelope]);
    unsubscribe();
    expect(preload.listeners.get(IPC_EVENT_CHANNEL)?.size).toBe(0);
  });
});
