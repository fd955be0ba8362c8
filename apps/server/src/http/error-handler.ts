import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError } from './errors.ts';
import type { ErrorBody } from './error-schema.ts';

function body(code: string, message: string, fields?: ErrorBody['error']['fields']): ErrorBody {
  return { error: fields ? { code, message, fields } : { code, message } };
}

/**
 * Maps every failure to the one error shape. Bad input is a 4xx naming the field; only our own
 * bugs become a 500, and those never echo internals to the client.
 */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    // A handler may already have set an audio or image type before failing.
    reply.type('application/json; charset=utf-8');
    if (error instanceof AppError) {
      return reply.status(error.statusCode).headers(error.headers).send(body(error.code, error.message));
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const fields = error.validation.map((v) => {
        const where = String(error.validationContext ?? 'request');
        const field = v.instancePath.replace(/^\//, '').replace(/\//g, '.');
        return { path: field ? `${where}.${field}` : where, message: v.message ?? 'invalid' };
      });
      const first = fields[0];
      const message = first ? `${first.path}: ${first.message}` : 'invalid request';
      return reply.status(400).send(body('validation_failed', message, fields));
    }
    if (isResponseSerializationError(error)) {
      request.log.error({ err: error, cause: error.cause }, 'response did not match its schema');
      return reply.status(500).send(body('internal_error', 'Something went wrong on our side'));
    }
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      const code =
        status === 413
          ? 'payload_too_large'
          : status === 415
            ? 'unsupported_media_type'
            : status === 429
              ? 'rate_limited'
              : 'bad_request';
      return reply.status(status).send(body(code, error.message));
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply.status(500).send(body('internal_error', 'Something went wrong on our side'));
  });

  app.setNotFoundHandler((request, reply) => {
    reply
      .status(404)
      .send(body('route_not_found', `No route ${request.method} ${request.url.split('?')[0]}`));
  });
}
