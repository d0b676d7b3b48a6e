// A minimal restify-style server over node:http, enough for botbuilder's ChannelServiceRoutes.register(server):
// server.post/get/put/delete(path with :params, handler(req, res, next)), res.status/send/end.
import http from 'node:http';
import net from 'node:net';

export async function freePort() {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

export async function startJsChannel(register) {
  const routes = [];
  const add = (method) => (path, handler) => {
    const names = [];
    const pattern = new RegExp('^' + path.replace(/:([A-Za-z]+)/g, (_, name) => (names.push(name), '([^/]+)')) + '$');
    routes.push({ method, pattern, names, handler });
  };
  const server = { post: add('POST'), get: add('GET'), put: add('PUT'), delete: add('DELETE') };
  register(server);

  const httpServer = http.createServer((req, res) => {
    const path = new URL(req.url, 'http://localhost').pathname;
    const route = routes.find((r) => r.method === req.method && r.pattern.test(path));
    if (!route) {
      res.statusCode = 404;
      res.end();
      return;
    }
    const match = route.pattern.exec(path);
    req.params = Object.fromEntries(route.names.map((name, i) => [name, decodeURIComponent(match[i + 1])]));
    res.status = (code) => { res.statusCode = code; };
    res.send = (body) => {
      res.setHeader('Content-Type', 'application/json');
      res.write(typeof body === 'string' ? body : JSON.stringify(body));
    };
    route.handler(req, res, () => {});
  });

  await new Promise((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
  const { port } = httpServer.address();
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => httpServer.close(resolve)),
  };
}
