import { trackingMsg } from '../../../src/tracking/messages.js';
import { APPLICATION_STATES, type ApplicationState } from '../../../src/tracking/states.js';

// The inbox's words, in Bahasa Indonesia (the offices' language). The state
// names come from <loket-application-status>'s catalogue: staff and citizens
// read the same word for the same state.

/** A state as staff and citizens read it. */
export const STATE_LABELS = Object.fromEntries(APPLICATION_STATES.map((s) => [s, trackingMsg('id', `state.${s}`)])) as Record<ApplicationState, string>;

/** What the audit log's actions mean. */
export const AUDIT_LABELS: Record<string, string> = {
  login: 'Masuk',
  logout: 'Keluar',
  'list-applications': 'Melihat daftar permohonan',
  'view-application': 'Membuka permohonan',
  'view-file': 'Membuka berkas',
  'change-state': 'Mengubah status',
  export: 'Mengunduh CSV',
  'create-user': 'Membuat akun',
  'change-user': 'Mengubah akun',
  'view-audit': 'Melihat log audit',
};

export const ROLE_LABELS: Record<string, string> = { admin: 'Admin', staff: 'Petugas' };

/** "1,2 MB", "350 KB". */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1).replace('.', ',')} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}
