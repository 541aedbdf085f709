import type { ApplicationState } from '../../../src/tracking/states.js';

// The inbox's words, in Bahasa Indonesia (the offices' language). The state
// names are the ones the citizen reads on <loket-application-status>.

/** A state as staff and citizens read it. */
export const STATE_LABELS: Record<ApplicationState, string> = {
  received: 'Diterima',
  'in-review': 'Sedang diperiksa',
  'needs-fix': 'Perlu perbaikan',
  approved: 'Disetujui',
  rejected: 'Ditolak',
  ready: 'Selesai — dapat diambil',
};

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
