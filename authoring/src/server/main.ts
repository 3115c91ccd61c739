/**
 * `tsx authoring/src/server/main.ts [--host 127.0.0.1] [--port 5180] [--tours <dir>] [--published <dir>]`
 * Starts the authoring server and prints where to open it.
 */
import { parseArgs } from 'node:util';
import { startAuthoringServer } from './startServer';

const { values } = parseArgs({
  options: {
    host: { type: 'string' },
    port: { type: 'string' },
    tours: { type: 'string' },
    published: { type: 'string' },
    'no-draft-voices': { type: 'boolean' },
  },
});

const server = await startAuthoringServer({
  ...(values.host && { host: values.host }),
  ...(values.port && { port: Number(values.port) }),
  ...(values.tours && { toursDir: values.tours }),
  ...(values.published && { publishDir: values.published }),
  draftVoices: !values['no-draft-voices'],
  ...(process.env['AUTHORING_TOKEN'] && { token: process.env['AUTHORING_TOKEN'] }),
});
console.log(`authoring server: ${server.url}/${server.token ? `?token=${server.token}` : ''}`);
const stop = (): void => void server.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
