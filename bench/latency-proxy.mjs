// A proxy that holds each request for a fixed time before forwarding it: a network's round trip
// on a machine where the sandbox answers in microseconds. Run as its own process (the bench
// scripts block on spawnSync); prints its URL on the first line of stdout.
//
//   node bench/latency-proxy.mjs http://127.0.0.1:PORT 20
import { createServer, request as forward } from 'node:http';

const [target, delay] = [new URL(process.argv[2]), Number(process.argv[3])];
const server = createServer((incoming, outgoing) => {
  const body = [];
  incoming.on('data', (chunk) => body.push(chunk));
  incoming.on('end', () =>
    setTimeout(() => {
      const upstream = forward(
        { host: target.hostname, port: target.port, method: incoming.method, path: incoming.url, headers: incoming.headers },
        (answer) => {
          outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(outgoing);
        },
      );
      upstream.on('error', () => outgoing.destroy());
      upstream.end(Buffer.concat(body));
    }, delay),
  );
});
server.listen(0, '127.0.0.1', () => console.log(`http://127.0.0.1:${server.address().port}`));
