/** The baseline: a bare express JSON endpoint, in its own process like the engine. */
import type { AddressInfo } from 'node:net';
import express from 'express';

const app = express();
app.use(express.json({ limit: '256kb' }));
app.post('/echo', (request, response) => {
  response.json({ result: { code: 1, status: 'ok' }, results: { received: typeof request.body } });
});
const server = app.listen(0, '127.0.0.1', () => {
  const { port } = server.address() as AddressInfo;
  console.log(JSON.stringify({ msg: 'voucher engine listening', url: `http://127.0.0.1:${port}` }));
});
process.once('SIGTERM', () => server.close(() => process.exit(0)));
