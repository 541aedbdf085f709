import type { FastifyReply } from 'fastify';

// CSV as both exports write it: the tools' `GET /api/submissions?format=csv`
// (plugins/listing.ts) and the inbox's export (plugins/inbox.ts).

/** A CSV cell: quoted, and a leading = + - @ (or tab, CR) defused with ' so a spreadsheet never runs it as a formula. */
export function csvCell(value: unknown): string {
  let text = value === null || value === undefined ? '' : typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : JSON.stringify(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return `"${text.replace(/"/g, '""')}"`;
}

/**
 * Takes the answer over to stream a CSV download, `permohonan[-<form>].csv`,
 * never cached nor sniffed, and writes its first line after a byte-order mark
 * (so Excel reads UTF-8 names right). The caller writes the rows to
 * `reply.raw` and ends it.
 */
export function startCsvDownload(reply: FastifyReply, formId: string | undefined, headerLine: string): void {
  reply.raw.writeHead(200, {
    'Content-Type': 'text/csv; charset=utf-8',
    'Content-Disposition': `attachment; filename="permohonan${formId ? `-${formId}` : ''}.csv"`,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  reply.hijack();
  reply.raw.write(`\ufeff${headerLine}`);
}
