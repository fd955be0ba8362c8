import Fastify from 'fastify';

// The baseline for the API benchmark: the smallest Fastify route, on the same machine.
const app = Fastify({ logger: false });
app.get('/hello', async () => ({ hello: 'world' }));
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
