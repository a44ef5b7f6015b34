/**
 * The refusal log: one warn line per refusal, `{msg: 'refused', reason, route, device}`
 * (plus `envelope` for a refused upload item), so a DSL or an auditor can see who was
 * turned away from what, and why, without the log ever holding what was sent. Every field
 * is something the endpoint chose: the reason is one of its own error codes, the route is
 * the route's pattern (never the URL, which could carry a code or anything a client put
 * there), and ids appear only once they are known to be a stored device or a well-formed
 * envelope id. No body, header, name, code or other envelope field is ever passed here.
 */
import type { FastifyRequest } from 'fastify';
import { isUlid } from '../domain/ulid.ts';
import { isApiPath } from './security-headers.ts';
import './request-types.ts';

/** The route's pattern; for a request no route matched, only which side it was aimed at. */
export function refusalRoute(request: FastifyRequest): string {
  const pattern = request.routeOptions?.url;
  if (pattern && pattern !== '/*') return pattern;
  return isApiPath(request.url) ? '/api/(unknown)' : '(app)';
}

export function logRefusal(request: FastifyRequest, reason: string, envelopeId?: string): void {
  const line: Record<string, string | null> = {
    reason,
    route: refusalRoute(request),
    device: request.device?.id ?? request.claimedDevice ?? null,
  };
  if (envelopeId !== undefined) line.envelope = isUlid(envelopeId) ? envelopeId : null;
  request.log.warn(line, 'refused');
}
