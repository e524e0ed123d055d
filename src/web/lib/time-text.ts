import dayjs from 'dayjs';

/** An instant as people read it on a page: 2026-12-03 09:58 (the browser's time zone). */
export const timeText = (iso: string | null | undefined) => (iso ? dayjs(iso).format('YYYY-MM-DD HH:mm') : '');
/** The day of an instant: 2026-12-03. */
export const dayText = (iso: string | null | undefined) => (iso ? dayjs(iso).format('YYYY-MM-DD') : '');
