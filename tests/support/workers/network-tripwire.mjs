// Loaded with `node --import` into a process and, through the inherited
// execArgv, into each of its worker threads: any attempt to reach the network
// (a socket, a DNS lookup, fetch) is reported on stderr as "NETWORK <what>"
// and fails. Each thread says it is watched, so a test can tell the tripwire
// reached the threads that do the work.
import dns from 'node:dns';
import net from 'node:net';
import { threadId } from 'node:worker_threads';

const trip = (what) => {
  process.stderr.write(`NETWORK ${what}\n`);
  throw new Error(`network access in an offline test: ${what}`);
};
net.Socket.prototype.connect = function connect() {
  trip('socket');
};
dns.lookup = (host) => trip(`lookup ${host}`);
globalThis.fetch = async (url) => trip(`fetch ${String(url)}`);
process.stderr.write(`WATCHED thread ${threadId}\n`);
