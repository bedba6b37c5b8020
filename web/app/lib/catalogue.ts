// The public catalogue's answers (GET /api/v1/public/...): no reader's data in them.
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
