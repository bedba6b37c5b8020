// Uploads the offline desk's records to POST .../desk-sync.
import { api } from '../lib/session';
import type { DeskRecord, Outcome, Upload } from './queue';

/** The upload of one school's desk; null when the server cannot be reached or answers with an error. */
export function deskSync(schoolId: string, language: () => string): Upload {
  return async (deskId: string, records: DeskRecord[]): Promise<Outcome[] | null> => {
    try {
      const response = await api(`/api/v1/schools/${encodeURIComponent(schoolId)}/desk-sync`, {
        method: 'POST',
        // the contract's fields only: the title is the desk's own note
        body: JSON.stringify({ deskId, records: records.map(({ key, kind, barcode, patronId, recordedAt }) =>
          ({ key, kind, barcode, patronId, recordedAt })) }),
        language: language(),
      });
      if (!response.ok) return null;
      return ((await response.json()) as { results: Outcome[] }).results;
    } catch {
      return null;
    }
  };
}
