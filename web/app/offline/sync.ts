// Uploads the offline desk's records to POST .../desk-sync.
import { api, problemOf } from '../lib/session';
import type { BatchRefusal, DeskRecord, Outcome, Upload } from './queue';

/**
 * A failed answer to a batch that trying again as it is cannot change: a 4xx (401: the session
 * is over and the refresh failed; 400: the batch itself), but not a timeout or a rate limit.
 */
export function refusedBatch(status: number): boolean {
  return status >= 400 && status < 500 && status !== 408 && status !== 429;
}

/**
 * The upload of one school's desk: the outcomes; a refusal of the whole batch; null when the
 * server cannot be reached or fails for a moment (the batch is sent again on the next try).
 */
export function deskSync(schoolId: string, language: () => string): Upload {
  return async (deskId: string, records: DeskRecord[]): Promise<Outcome[] | BatchRefusal | null> => {
    try {
      const response = await api(`/api/v1/schools/${encodeURIComponent(schoolId)}/desk-sync`, {
        method: 'POST',
        // the contract's fields only: the title is the desk's own note
        body: JSON.stringify({ deskId, records: records.map(({ key, kind, barcode, patronId, recordedAt }) =>
          ({ key, kind, barcode, patronId, recordedAt })) }),
        language: language(),
      });
      if (refusedBatch(response.status)) {
        const { status, code, detail } = await problemOf(response);
        return { status, code, detail };
      }
      if (!response.ok) return null;
      return ((await response.json()) as { results: Outcome[] }).results;
    } catch {
      return null;
    }
  };
}
