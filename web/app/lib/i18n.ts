// Vietnamese first, English as a choice; the choice is kept in the browser (it is not secret).
import { dashboardEn, dashboardVi } from './dashboardTexts';
import { signal } from './signal';
import { moveInEn, moveInVi } from './moveInTexts';
import { staffEn, staffVi } from './staffTexts';
import { offlineEn, offlineVi } from '../offline/offlineTexts';

export type Language = 'vi' | 'en';

const vi = {
  ...dashboardVi,
  appName: 'Mọt Sách',
  skip: 'Bỏ qua đến nội dung chính',
  language: 'Ngôn ngữ',
  signIn: 'Đăng nhập',
  signOut: 'Đăng xuất',
  username: 'Tên đăng nhập',
  password: 'Mật khẩu',
  signedInAs: 'Đang đăng nhập: {0}',
  desk: 'Quầy mượn trả',
  catalogue: 'Tra cứu sách',
  home: 'Trang chủ',
  welcome: 'Chào mừng đến với Mọt Sách',
  welcomeText: 'Thư viện trường học: mượn trả, tra cứu và văn hóa đọc.',
  searchLabel: 'Tìm sách theo nhan đề, tác giả, chủ đề hoặc ISBN',
  searchPlaceholder: 'Ví dụ: de men, nguyen nhat anh',
  results: '{0} kết quả',
  noResults: 'Không tìm thấy đầu sách nào.',
  available: 'Còn {0}/{1} bản trên giá',
  noneAvailable: 'Đã được mượn hết ({0} bản)',
  noCopies: 'Thư viện hiện không có bản nào của sách này',
  shelf: 'Ký hiệu xếp giá',
  authors: 'Tác giả',
  publisher: 'Nhà xuất bản',
  year: 'Năm xuất bản',
  subjects: 'Chủ đề',
  copies: 'Các bản sách',
  barcode: 'Số ĐKCB',
  status: 'Tình trạng',
  AVAILABLE: 'Trên giá',
  ON_LOAN: 'Đang được mượn',
  ON_HOLD_SHELF: 'Đang giữ cho bạn đọc đặt trước',
  IN_TRANSIT: 'Đang chuyển giữa các thư viện',
  AT_PARTNER: 'Đang ở thư viện liên thông',
  WITHDRAWN: 'Đã thanh lý',
  inLibraryOnly: 'Chỉ đọc tại thư viện',
  back: 'Quay lại kết quả tìm kiếm',
  loading: 'Đang tải…',
  previous: 'Trang trước',
  next: 'Trang sau',
  page: 'Trang {0}/{1}',
  scanLabel: 'Quét mã bạn đọc hoặc số ĐKCB rồi nhấn Enter',
  scanHelp: 'Quét thẻ bạn đọc để bắt đầu; quét sách để cho mượn. Không có bạn đọc: quét sách để nhận trả. Esc: xong với bạn đọc này.',
  patronInHand: 'Bạn đọc',
  noPatron: 'Chưa có bạn đọc nào. Quét thẻ để bắt đầu, hoặc quét sách để nhận trả.',
  klass: 'Lớp {0}',
  left: 'Đã rời trường',
  leaves: 'Rời trường ngày {0}',
  openLoans: 'Sách đang mượn ({0})',
  noLoans: 'Không mượn cuốn nào.',
  holds: 'Đặt trước ({0})',
  due: 'Hạn trả {0}',
  overdue: 'Quá hạn',
  renew: 'Gia hạn',
  renewed: 'Đã gia hạn “{0}” đến {1}.',
  renewedBeforeLeaving: 'Đã gia hạn “{0}” đến {1}: ngày thư viện mở cửa cuối cùng trước khi bạn đọc rời trường ({2}).',
  lent: 'Đã cho mượn “{0}”, hạn trả {1}.',
  lentBeforeLeaving: 'Đã cho mượn “{0}”, hạn trả {1}: ngày thư viện mở cửa cuối cùng trước khi bạn đọc rời trường ({2}).',
  returned: 'Đã nhận trả “{0}”.',
  returnedToHoldShelf: 'Đã nhận trả “{0}”: để lên giá giữ sách cho bạn đọc đặt trước.',
  returnedLate: 'Đã nhận trả “{0}”, trễ {1} ngày.',
  unknownCode: 'Không có bạn đọc hay bản sách nào mang mã {0}.',
  invalidCode: 'Mã “{0}” không hợp lệ: chỉ gồm chữ, số và - _ . / (tối đa 32 ký tự).',
  done: 'Xong với bạn đọc',
  forbidden: 'Tài khoản của bạn không mở được trang này.',
  notFound: 'Không có trang này.',
  schoolNotFound: 'Không tìm thấy trường.',
  network: 'Không kết nối được với máy chủ.',
  holdReady: 'Sách đã về, giữ đến {0}',
  holdWaiting: 'Đang chờ, thứ tự {0}',
  ...staffVi,
  ...moveInVi,
  ...offlineVi,
};

export type Key = keyof typeof vi;

const en: Record<Key, string> = {
  ...dashboardEn,
  appName: 'Mọt Sách',
  skip: 'Skip to main content',
  language: 'Language',
  signIn: 'Sign in',
  signOut: 'Sign out',
  username: 'Username',
  password: 'Password',
  signedInAs: 'Signed in: {0}',
  desk: 'Circulation desk',
  catalogue: 'Catalogue',
  home: 'Home',
  welcome: 'Welcome to Mọt Sách',
  welcomeText: 'The school library: lending, the catalogue and reading culture.',
  searchLabel: 'Search by title, author, subject or ISBN',
  searchPlaceholder: 'For example: de men, nguyen nhat anh',
  results: '{0} results',
  noResults: 'No title found.',
  available: '{0} of {1} copies on the shelf',
  noneAvailable: 'All copies are out ({0})',
  noCopies: 'The library has no copy of this title at present',
  shelf: 'Shelf mark',
  authors: 'Authors',
  publisher: 'Publisher',
  year: 'Published',
  subjects: 'Subjects',
  copies: 'Copies',
  barcode: 'Barcode',
  status: 'Status',
  AVAILABLE: 'On the shelf',
  ON_LOAN: 'On loan',
  ON_HOLD_SHELF: 'Kept for a hold',
  IN_TRANSIT: 'On its way between libraries',
  AT_PARTNER: 'At a partner library',
  WITHDRAWN: 'Withdrawn',
  inLibraryOnly: 'In-library use only',
  back: 'Back to the results',
  loading: 'Loading…',
  previous: 'Previous page',
  next: 'Next page',
  page: 'Page {0} of {1}',
  scanLabel: 'Scan a patron card or a barcode, then Enter',
  scanHelp: 'Scan a card to start; scan books to lend them. With no patron: scan a book to take it back. Esc: done with this patron.',
  patronInHand: 'Patron',
  noPatron: 'No patron yet. Scan a card to start, or scan a book to take it back.',
  klass: 'Class {0}',
  left: 'Has left the school',
  leaves: 'Leaves the school on {0}',
  openLoans: 'On loan ({0})',
  noLoans: 'Nothing on loan.',
  holds: 'Holds ({0})',
  due: 'Due {0}',
  overdue: 'Overdue',
  renew: 'Renew',
  renewed: 'Renewed “{0}” until {1}.',
  renewedBeforeLeaving: 'Renewed “{0}” until {1}: the last day the library is open before the patron leaves ({2}).',
  lent: 'Lent “{0}”, due {1}.',
  lentBeforeLeaving: 'Lent “{0}”, due {1}: the last day the library is open before the patron leaves ({2}).',
  returned: 'Took back “{0}”.',
  returnedToHoldShelf: 'Took back “{0}”: put it on the hold shelf.',
  returnedLate: 'Took back “{0}”, {1} days late.',
  unknownCode: 'No patron or copy has the code {0}.',
  invalidCode: 'The code “{0}” is not valid: letters, digits and - _ . / only (at most 32).',
  done: 'Done with this patron',
  forbidden: 'Your account cannot open this page.',
  notFound: 'There is no such page.',
  schoolNotFound: 'School not found.',
  network: 'Cannot reach the server.',
  holdReady: 'Ready, kept until {0}',
  holdWaiting: 'Waiting, number {0}',
  ...staffEn,
  ...moveInEn,
  ...offlineEn,
};

const dictionaries: Record<Language, Record<Key, string>> = { vi, en };

function initial(): Language {
  try {
    return localStorage.getItem('motsach.language') === 'en' ? 'en' : 'vi';
  } catch {
    return 'vi';
  }
}

export const language = signal<Language>(initial());

export function setLanguage(value: Language): void {
  try {
    localStorage.setItem('motsach.language', value);
  } catch {
    // a private window: the choice lasts for this page only
  }
  document.documentElement.lang = value;
  language.set(value);
}

/**
 * The text for a key in the page's language, with {0}, {1}… filled in. An English text says a
 * noun after a count as {0|class|classes}: the first for a count of one, the second for any other
 * ("1 new class", "2 new classes"); Vietnamese nouns need none.
 */
export function t(key: Key, ...values: (string | number)[]): string {
  return translate(language.get(), key, ...values);
}

export function translate(lang: Language, key: Key, ...values: (string | number)[]): string {
  return dictionaries[lang][key]
    .replace(/\{(\d)\|([^|}]*)\|([^}]*)\}/g, (_, i: string, one: string, other: string) => (String(values[Number(i)]) === '1' ? one : other))
    .replace(/\{(\d)\}/g, (_, i: string) => String(values[Number(i)] ?? ''));
}

/**
 * A class's name as its heading says it after “Lớp”/“Class” (`klass`, `classLink`, `classDashboardTitle`):
 * a name written with the label already (a roster's "Lớp 6A2") loses it, so no heading says
 * "Lớp Lớp 6A2".
 */
export function bareClassName(name: string): string {
  const bare = name.trim().replace(/^(lớp|lop|class)\s+/iu, '');
  return bare === '' ? name.trim() : bare;
}

/** Whether the app has a text for this key (a code from the server may be new to it). */
export function hasText(key: string): key is Key {
  return Object.hasOwn(vi, key);
}
