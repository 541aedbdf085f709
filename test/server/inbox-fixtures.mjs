// The staff inbox's browser tests: a form with a name, a mobile number, a
// date, a choice and a repeatable group (so the application view shows the
// review page's labels, dates and group items), and accounts made on demand.

/** A test form for the inbox; its id starts with `e2e-inbox`. */
export function inboxForm(id) {
  return {
    version: 1,
    id,
    title: 'Izin Uji Kotak Masuk',
    office: { name: 'DPMPTSP Uji', timeZone: 'Asia/Jakarta' },
    help: { phone: '0811-4345-757' },
    submit: { endpoint: `/api/forms/${id}/submissions` },
    steps: [
      {
        heading: 'Data pemohon',
        fields: [
          { type: 'text', name: 'fullName', label: 'Nama lengkap' },
          { type: 'phone', name: 'mobile', label: 'Nomor ponsel (WhatsApp)' },
          { type: 'date', name: 'born', label: 'Tanggal lahir', optional: true },
          { type: 'radio', name: 'kind', label: 'Jenis permohonan', options: [{ value: 'baru', label: 'Izin baru' }, { value: 'perpanjangan', label: 'Perpanjangan' }] },
          { type: 'file', name: 'ktp', label: 'Scan KTP', accept: ['.pdf'], maxSize: 100_000, optional: true },
        ],
      },
      {
        heading: 'Kapal',
        fields: [{ type: 'group', name: 'vessels', label: 'Kapal', itemLabel: 'Kapal {n}', min: 1, max: 3, fields: [{ type: 'text', name: 'name', label: 'Nama kapal' }] }],
      },
    ],
  };
}

async function readJson(req) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  return JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
}

/** `POST /e2e-api/inbox/account` `{ name, password, role, forms }`: creates an account in the test receiver. */
export async function inboxTestApi(ctx, server, app) {
  const body = await readJson(ctx.req);
  // The receiver's lowest password cost (test/server/receiver-middleware.mjs starts it so): quick logins on a busy machine.
  const result = await server.addAccount(app.loket.db, { name: body.name, displayName: body.displayName ?? body.name, password: body.password, role: body.role ?? 'staff', forms: body.forms ?? null }, new Date(), { logN: 14, r: 8, p: 1 });
  ctx.type = 'application/json';
  ctx.status = result.ok || /sudah dipakai/.test(result.message) ? 200 : 400;
  ctx.body = JSON.stringify(result);
}

/**
 * `POST /e2e-api/inbox/html-as-pdf` `{ trackingNumber }`: stores an HTML page named "surat.pdf"
 * with an application, the way an older receiver or an import might have (today's receiver
 * refuses it at the door), and answers the application's id.
 */
export async function storeHtmlAsPdf(ctx, app) {
  const { trackingNumber } = await readJson(ctx.req);
  const db = app.loket.db;
  const row = await db.get('SELECT id FROM submissions WHERE tracking_number = ?', [trackingNumber]);
  const html = Buffer.from('<!doctype html><html><body><script>try{localStorage.setItem("loket-probe","ran")}catch(e){}(window.opener||parent).postMessage("loket-probe-ran","*")</script></body></html>');
  await db.run("INSERT INTO submission_files (submission_id, position, field, name, type, size, sha256, content) VALUES (?, 99, 'ktp', 'surat.pdf', 'application/pdf', ?, 'x', ?)", [row.id, html.length, html]);
  ctx.type = 'application/json';
  ctx.body = JSON.stringify({ id: Number(row.id) });
}
