// The public catalogue's answers (GET /api/v1/public/...): no reader's data in them.
import { formatNumber } from './format';
import { t } from './i18n';
export interface PublicSchool {
  schoolId: string;
  name: string;
}

export interface PublicTitle {
  titleId: string;
  title: string;
  authors: string[];
  isbn: string | null;
  publisher: string | null;
  publishedYear: number | null;
  classification: string | null;
  docType: string;
  subjects: string[];
  availableCopies: number;
  totalCopies: number;
}

export interface PublicTitleDetail extends PublicTitle {
  copies: { barcode: string; status: 'AVAILABLE' | 'ON_LOAN' | 'ON_HOLD_SHELF' | 'IN_TRANSIT' | 'AT_PARTNER'; loanable: boolean }[];
}

export interface Paged<T> {
  items: T[];
  page: number;
  size: number;
  totalItems: number;
}

export const PAGE_SIZE = 20;

export function publicPath(schoolId: string, rest = ''): string {
  return `/api/v1/public/schools/${encodeURIComponent(schoolId)}${rest}`;
}

/**
 * What a reader is told of a title's copies: how many are on the shelf, that all are out, or (every
 * copy withdrawn or lost, so none is out either) that the library has none.
 */
export function availability(title: Pick<PublicTitle, 'availableCopies' | 'totalCopies'>): { available: boolean; text: string } {
  if (title.totalCopies === 0) return { available: false, text: t('noCopies') };
  if (title.availableCopies > 0) {
    return { available: true, text: t('available', formatNumber(title.availableCopies), formatNumber(title.totalCopies)) };
  }
  return { available: false, text: t('noneAvailable', formatNumber(title.totalCopies)) };
}
