/**
 * The only request body the endpoint accepts: JSON, up to MAX_BODY_BYTES. The raw text is
 * kept because request signatures cover the bytes as sent. Any other content type is
 * refused with 415 (Fastify's default parsers are removed), and unparseable JSON is a 400
 * whose message never quotes the input (the parser's own message would).
 */
import type { FastifyInstance } from 'fastify';
import { MAX_BODY_BYTES } from '../sync/protocol.ts';
import { HttpError } from './errors.ts';

export function registerJsonBody(app: FastifyInstance): void {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser(
    'application/json',
    { parseAs: 'string', bodyLimit: MAX_BODY_BYTES },
    (request, body, done) => {
      const text = body as string;
      request.rawBody = text;
      if (text === '') {
        done(null, undefined);
        return;
      }
      try {
        done(null, JSON.parse(text));
      } catch {
        done(
          new HttpError(400, 'malformed-json', 'The request body is not valid JSON.'),
          undefined,
        );
      }
    },
  );
}
