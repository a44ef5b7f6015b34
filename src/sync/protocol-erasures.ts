/**
 * The wire shapes of retention erasure (API.erasures): a DSL asks the endpoint to erase a
 * deleted record's envelopes, and every console reads the erasure log to drop its copies.
 * Re-exported by protocol.ts, the one protocol module client and server import.
 */

/** Most envelope ids in one erasure request. */
export const MAX_ERASURE_IDS = 1000;
/** Most erasure-log entries in one page (each may name up to MAX_ERASURE_IDS ids). */
export const MAX_ERASURE_PAGE = 50;

/**
 * POST /api/v1/erasures (approved DSL devices only; a tablet gets 403): erase the ciphertext
 * of these envelopes at the endpoint (retention). 1 to MAX_ERASURE_IDS envelope ids
 * (ULIDs); ids the school's log does not hold, or already erased, are ignored. The log keeps
 * each entry's index, id and hashes, so the chain and receipts still verify; pulls no longer
 * return it. The DSL seals a record of the deletion as a normal envelope first.
 */
export interface ErasureRequest {
  ids: string[];
}

export interface ErasureResponse {
  /** How many envelopes this request erased (0 if all were unknown or already erased). */
  erased: number;
  /** This request's index in the school's erasure log. */
  index: number;
}

/** One entry of the school's erasure log: metadata only. */
export interface ErasureInfo {
  index: number;
  /** The envelope ids that request erased. */
  ids: string[];
  /** The DSL device that asked. */
  device: string;
  /** When (ISO time). */
  at: string;
}

/**
 * GET /api/v1/erasures?after=N&limit=M (approved DSL devices only): the erasure log after
 * index N (default 0), at most M entries (1 to MAX_ERASURE_PAGE, default MAX_ERASURE_PAGE).
 * A console removes the named envelopes from its own copy.
 */
export interface ErasureListResponse {
  erasures: ErasureInfo[];
  /** Pass as `after` for the next page; null when this page reaches the end of the log. */
  next: number | null;
}
