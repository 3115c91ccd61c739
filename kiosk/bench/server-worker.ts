import { parentPort, workerData } from 'node:worker_threads';
import { startSipNetworkServer } from '../src/network';

/** The embedded network in its own thread, so the load generator does not share its event loop. */
const { db, port } = workerData as { db: string; port: number };
const server = await startSipNetworkServer({ db, port });
parentPort!.postMessage({ ready: true, port: server.port });
parentPort!.on('message', (msg: string) => {
  if (msg === 'stats') parentPort!.postMessage({ stats: server.stats() });
  if (msg === 'reset') server.resetStats();
  if (msg === 'stop') void server.close().then(() => parentPort!.postMessage({ stopped: true }));
});
