import { aTimeout, expect } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import type { LoketErrorEvent } from '../src/events.js';
import type { StatusDocument } from '../src/status/format.js';
import '../widgets/service-status/service-status.js';
import { LoketServiceStatus } from '../widgets/service-status/service-status.js';
import { at, office } from './fixtures/status.js';
import { countConsoleErrors, inlineJson, mount, script, shadowText, unmountAll } from './helpers.js';

const examples: string[] = (await (await fetch('/demo/examples.json')).json())['service-status'];

const inline = (doc: unknown, attrs = '') =>
  `<loket-service-status ${attrs}><script type="application/json">${typeof doc === 'string' ? doc : inlineJson(doc)}</script><a href="/kantor">Lihat situs kantor</a></loket-service-status>`;

function errorDetail(event: Event) {
  return (event as LoketErrorEvent).detail;
}

function panel(el: Element) {
  return el.shadowRoot?.querySelector('[part="error-panel"]');
}

afterEach(unmountAll);

describe('<loket-service-status> with the demo documents', () => {
  for (const name of examples) {
    it(`renders ${name} as a labelled region, in Indonesian and English, with no axe violations`, async () => {
      const probe = mount<LoketServiceStatus>(`<loket-service-status src="/demo/status/${name}.json"></loket-service-status>`);
      await probe.next('loket-ready');
      const el = probe.el;
      await el.updateComplete;
      const region = el.shadowRoot!.querySelector('section[part="banner"]')!;
      expect(region.getAttribute('aria-label')).to.match(/^Status layanan /);
      expect(el.shadowRoot!.querySelectorAll('[part="channel"]').length).to.be.greaterThan(0);
      expect(shadowText(el)).to.match(/Buka sekarang|Tutup sekarang|tatap muka ditiadakan/);
      await expect(el).to.be.accessible();
      el.expanded = true;
      await el.updateComplete;
      await expect(el).to.be.accessible();
      el.lang = 'en';
      await el.updateComplete;
      expect(region.getAttribute('aria-label')).to.match(/^Service status, /);
      expect(shadowText(el)).to.match(/Open now|Closed now|In-person service suspended/);
      await expect(el).to.be.accessible();
    });
  }
});

describe('<loket-service-status> behaviour', () => {
  it('shows open now and the closing time, read in the office zone', async () => {
    const probe = mount<LoketServiceStatus>(inline(office(), 'now="2020-09-14T09:00"'));
    await probe.next('loket-ready');
    expect(shadowText(probe.el)).to.contain('Buka sekarang · tutup pukul 15.30 WITA');
    expect(probe.el.matches(':state(open)')).to.equal(true);
    expect(probe.el.matches(':state(closed)')).to.equal(false);
  });

  it('says when a closed office opens again, with the weekday and the zone', async () => {
    const probe = mount<LoketServiceStatus>(inline(office(), 'now="2020-09-18T16:00"'));
    await probe.next('loket-ready');
    expect(shadowText(probe.el)).to.contain('Tutup sekarang · Buka kembali Senin, pukul 08.00 WITA');
    probe.el.lang = 'en';
    await probe.el.updateComplete;
    expect(shadowText(probe.el)).to.contain('Closed now · Opens again Monday at 08:00 WITA');
  });

  it('names the holiday on a closure day', async () => {
    const probe = mount<LoketServiceStatus>(inline(office(), 'now="2020-09-16T10:00"'));
    await probe.next('loket-ready');
    expect(shadowText(probe.el)).to.contain('Libur: Hari Raya Galungan · Buka kembali besok, pukul 08.00 WITA');
  });

  it('shows only notices valid now, the most serious as the headline', async () => {
    const doc = office({
      notices: [
        { level: 'info', title: 'Gunakan OSS' },
        { level: 'disruption', title: 'Tatap muka ditiadakan', from: '2020-09-14' },
        { level: 'warning', title: 'Kedaluwarsa', until: '2020-09-01' },
      ],
    });
    const probe = mount<LoketServiceStatus>(inline(doc, 'now="2020-09-15T09:00" expanded'));
    await probe.next('loket-ready');
    await probe.el.updateComplete;
    const headline = probe.el.shadowRoot!.querySelector('[part="headline"]')!;
    expect(headline.textContent).to.contain('Gangguan layanan').and.to.contain('Tatap muka ditiadakan');
    const notices = [...probe.el.shadowRoot!.querySelectorAll('[part="notice"]')].map((n) => n.textContent);
    expect(notices).to.have.length(2);
    expect(shadowText(probe.el)).not.to.contain('Kedaluwarsa');
    expect(shadowText(probe.el)).to.contain('Berlaku sampai pemberitahuan lebih lanjut');
    expect(probe.el.shadowRoot!.querySelector('[part="banner"]')!.className).to.contain('level-disruption');
  });

  it('renders contact lines as working tel:, WhatsApp and mailto: links', async () => {
    const doc = office({
      contacts: [
        { kind: 'whatsapp', value: '0811-4345-757', label: 'TANYA PTSP' },
        { kind: 'phone', value: '(0361) 811 222' },
        { kind: 'email', value: 'ptsp@example.go.id' },
        { kind: 'call-centre', value: '1500 345' },
      ],
    });
    const probe = mount<LoketServiceStatus>(inline(doc, 'expanded'));
    await probe.next('loket-ready');
    await probe.el.updateComplete;
    const hrefs = [...probe.el.shadowRoot!.querySelectorAll('[part="contact"] a')].map((a) => a.getAttribute('href'));
    expect(hrefs).to.deep.equal(['https://wa.me/628114345757', 'tel:+62361811222', 'mailto:ptsp@example.go.id', 'tel:1500345']);
  });

  it('writes a closure over two days as one range and a timed end with its zone, counting its last minute', async () => {
    const doc = office({
      closures: [
        { from: '2027-01-13', until: '2027-01-14', reason: { id: 'Hari Raya Galungan', en: 'Galungan holiday' } },
        { from: '2026-12-31', until: '2027-01-01', reason: { id: 'Tahun baru', en: 'New Year' } },
      ],
      notices: [{ level: 'info', title: 'Pendaftaran ulang', until: '2026-11-30T23:59' }],
    });
    const probe = mount<LoketServiceStatus>(inline(doc, 'now="2026-11-30T23:59" expanded'));
    await probe.next('loket-ready');
    const el = probe.el;
    await el.updateComplete;
    expect(shadowText(el)).to.contain('Pendaftaran ulang');
    expect(shadowText(el)).to.contain('Berlaku sampai 30 November 2026, pukul 23.59 WITA');
    const closures = () => [...el.shadowRoot!.querySelectorAll('.closure-list li')].map((li) => li.textContent!.replace(/\s+/g, ' ').trim());
    expect(closures()).to.deep.equal(['31 Desember 2026 – 1 Januari 2027: Tahun baru', '13–14 Januari 2027: Hari Raya Galungan']);
    el.lang = 'en';
    await el.updateComplete;
    expect(shadowText(el)).to.contain('Valid until 30 November 2026, at 23:59 WITA');
    expect(closures()).to.deep.equal(['31 December 2026 – 1 January 2027: New Year', '13–14 January 2027: Galungan holiday']);
    el.now = '2026-12-01T00:00';
    await el.updateComplete;
    expect(shadowText(el)).not.to.contain('Pendaftaran ulang');
  });

  it('draws each link in the details after its dash, not over it', async () => {
    const doc = office({
      channels: [{ kind: 'online', state: 'open', links: [{ label: 'OSS', url: 'https://oss.go.id' }], contacts: [{ kind: 'email', value: 'ptsp@example.go.id' }] }],
    });
    const probe = mount<LoketServiceStatus>(inline(doc, 'expanded'));
    await probe.next('loket-ready');
    await probe.el.updateComplete;
    for (const selector of ['.link-list li', '.contact-list li']) {
      const item = probe.el.shadowRoot!.querySelector(selector)!;
      const link = item.querySelector('a')!;
      const walker = document.createTreeWalker(link, NodeFilter.SHOW_TEXT, { acceptNode: (n) => (n.textContent!.trim() ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_SKIP) });
      const letters = walker.nextNode()!;
      const first = document.createRange();
      first.setStart(letters, 0);
      first.setEnd(letters, 1);
      // An inherited hanging indent pulls the text out of its own box to the left, over the dash.
      const before = link.getBoundingClientRect().left;
      expect(first.getBoundingClientRect().left, `${selector}: the link's first letter inside its own box`).to.be.at.least(before - 0.5);
    }
  });

  it('expands and collapses the details with the keyboard, their code already fetched after first paint', async () => {
    const probe = mount<LoketServiceStatus>(inline(office()));
    await probe.next('loket-ready');
    const el = probe.el;
    await el.updateComplete;
    const toggle = el.shadowRoot!.querySelector<HTMLButtonElement>('[part="toggle"]')!;
    const details = el.shadowRoot!.querySelector<HTMLElement>('[part="details"]')!;
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    expect(details.hidden).to.equal(true);
    const before = document.createElement('button');
    before.textContent = 'before';
    el.before(before);
    before.focus();
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement).to.equal(toggle);
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    expect(details.hidden).to.equal(false);
    expect(toggle.textContent?.trim()).to.equal('Sembunyikan detail');
    expect(details.querySelector('[part="hours"]')!.getBoundingClientRect().height, 'the hours, at once').to.be.above(0);
    expect(details.textContent).not.to.contain('Memuat detail');
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect(details.hidden).to.equal(true);
    expect(el.shadowRoot!.activeElement).to.equal(toggle);
    before.remove();
  });

  it('prints its details, styled, though the citizen never opened them', async () => {
    const probe = mount<LoketServiceStatus>(inline(office({ contacts: [{ kind: 'email', value: 'ptsp@example.go.id' }] }), 'now="2020-09-14T09:00"'));
    await probe.next('loket-ready');
    await probe.el.updateComplete;
    const root = probe.el.shadowRoot!;
    await emulateMedia({ media: 'print' });
    try {
      expect(getComputedStyle(root.querySelector('[part="toggle"]')!).display).to.equal('none');
      expect(getComputedStyle(root.querySelector('[part="details"]')!).display).to.equal('grid');
      expect(root.querySelector('[part="hours"]')!.getBoundingClientRect().height).to.be.above(0);
      expect(root.querySelector('[part="contact"]')!.textContent).to.contain('ptsp@example.go.id');
      // The details' own styles came with their code.
      expect(getComputedStyle(root.querySelector('.contact-list')!).listStyleType).to.equal('none');
    } finally {
      await emulateMedia({ media: 'screen' });
    }
  });

  it('switches language when the lang attribute changes, and follows the page', async () => {
    const probe = mount<LoketServiceStatus>(`<div lang="en">${inline(office(), 'now="2020-09-14T09:00"')}</div>`);
    const el = probe.el.firstElementChild as LoketServiceStatus;
    await probe.next('loket-ready');
    expect(shadowText(el)).to.contain('Open now');
    expect(el.shadowRoot!.querySelector('.root')!.getAttribute('lang')).to.equal('en');
    el.setAttribute('lang', 'id');
    await el.updateComplete;
    expect(shadowText(el)).to.contain('Buka sekarang');
  });

  it('renders text from the document as text, never as HTML', async () => {
    const payload = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>';
    const doc = office({
      office: { name: payload, timeZone: 'Asia/Makassar' },
      notices: [{ level: 'info', title: payload, body: payload }],
      channels: [{ kind: 'online', state: 'open', note: payload, links: [{ label: payload, url: 'https://oss.go.id' }] }],
    });
    const probe = mount<LoketServiceStatus>(inline(doc, 'expanded'));
    await probe.next('loket-ready');
    await probe.el.updateComplete;
    const root = probe.el.shadowRoot!;
    expect(root.querySelector('img')).to.equal(null);
    expect(root.querySelector('script')).to.equal(null);
    expect(shadowText(probe.el)).to.contain('<img src=x onerror="window.__pwned=1">');
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
  });

  it('keeps the last good status when a refresh fails, and says when it was updated', async () => {
    const good = office();
    const url = await script('refresh-fail', [{ body: good }, { status: 503, body: 'down' }]);
    const probe = mount<LoketServiceStatus>(`<loket-service-status src="${url}"></loket-service-status>`);
    await probe.next('loket-ready');
    const el = probe.el;
    const errors = await countConsoleErrors(async () => {
      await el.reload();
      await el.updateComplete;
    });
    const failed = await probe.next('loket-error');
    expect(errorDetail(failed)).to.include({ kind: 'http', status: 503, stale: true });
    expect(errors).to.have.length(1);
    expect(el.shadowRoot!.querySelector('[part="banner"]')).to.exist;
    expect(panel(el)).to.equal(null);
    const updated = el.shadowRoot!.querySelector('[part="updated"]')!.textContent!;
    expect(updated).to.match(/Gagal memperbarui\. Menampilkan status terakhir, diperbarui \d+ \w+ \d{4}, pukul \d\d\.\d\d WITA\./);
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[role="status"]')!.textContent).to.contain('Gagal memperbarui');
  });

  it('refreshes on its own and announces a changed status politely', async () => {
    LoketServiceStatus.minRefreshSeconds = 0.2;
    // Parallel test files share one browser; this tab may count as hidden, and hidden tabs pause refreshing.
    Object.defineProperty(document, 'visibilityState', { value: 'visible', configurable: true });
    try {
      const changed = office({ notices: [{ level: 'warning', title: 'Antrean dibatasi' }] });
      const url = await script('refresh-change', [{ body: office() }, { body: changed }]);
      const probe = mount<LoketServiceStatus>(`<loket-service-status src="${url}" refresh="0.2"></loket-service-status>`);
      await probe.next('loket-ready');
      await probe.next('loket-ready');
      await probe.el.updateComplete;
      expect(shadowText(probe.el)).to.contain('Antrean dibatasi');
      expect(probe.el.shadowRoot!.querySelector('[role="status"]')!.textContent).to.contain('Status layanan diperbarui.');
      const hits = (await (await fetch('/test-api/hits/refresh-change')).json()).hits;
      expect(hits).to.be.at.least(2);
    } finally {
      LoketServiceStatus.minRefreshSeconds = 15;
      delete (document as { visibilityState?: unknown }).visibilityState;
    }
  });

  it('does not turn a refresh of 30 days, or a nonsense timeout, into a request loop', async () => {
    const url = await script('refresh-huge', [{ body: office() }]);
    const probe = mount<LoketServiceStatus>(`<loket-service-status src="${url}" refresh="2600000" timeout="abc"></loket-service-status>`);
    await probe.next('loket-ready');
    await aTimeout(400);
    const hits = (await (await fetch('/test-api/hits/refresh-huge')).json()).hits;
    expect(hits).to.equal(1);
  });

  it('takes its document from the data property', async () => {
    const probe = mount<LoketServiceStatus>('<loket-service-status now="2020-09-14T09:00"></loket-service-status>');
    probe.el.data = office();
    await probe.next('loket-ready');
    expect(shadowText(probe.el)).to.contain('DPMPTSP Uji');
    expect(probe.events.filter((e) => e.type === 'loket-error')).to.have.length(0);
  });
});

describe('<loket-service-status> with bad input', () => {
  const cases: Array<{ name: string; markup: () => Promise<string> | string; kind: string; text: RegExp }> = [
    { name: 'invalid JSON', markup: () => inline('{ "version": 1, '), kind: 'json', text: /Dokumen bukan JSON yang sah: dokumen terpotong: ada \{, \[ atau " yang belum ditutup \(baris 1, kolom 17\)\./ },
    { name: 'JSON with a trailing comma', markup: () => inline('{\n  "version": 1,\n}'), kind: 'json', text: /Dokumen bukan JSON yang sah: koma berlebih sebelum "\}" \(baris 3, kolom 1\)\./ },
    {
      name: 'a document that fails the format',
      markup: () => inline({ ...office(), channels: [{ kind: 'online', state: 'open' }, { kind: 'drop-box', state: 'open' }, { kind: 'in-person', state: 'opne' }] }),
      kind: 'invalid',
      text: /channels\[2\]\.state: harus salah satu dari: "open", "limited", "closed"/,
    },
    { name: 'an unknown time zone', markup: () => inline({ ...office(), office: { name: 'X', timeZone: 'Asia/Bandung' } }), kind: 'invalid', text: /office\.timeZone: zona waktu "Asia\/Bandung" tidak dikenal/ },
    { name: 'a javascript: URL', markup: () => inline({ ...office(), channels: [{ kind: 'online', state: 'open', links: [{ label: 'OSS', url: 'javascript:alert(1)' }] }] }), kind: 'invalid', text: /channels\[0\]\.links\[0\]\.url: alamat "javascript:alert\(1\)" tidak diizinkan/ },
    { name: 'a future version', markup: () => inline({ ...office(), version: 2 }), kind: 'invalid', text: /version: versi 2 tidak dikenal/ },
    { name: 'a 404', markup: () => '<loket-service-status src="/demo/status/tidak-ada.json"><a href="/kantor">Lihat situs kantor</a></loket-service-status>', kind: 'http', text: /tidak ditemukan \(HTTP 404\)/ },
    { name: 'a network failure', markup: () => '<loket-service-status src="/test-api/drop"><a href="/kantor">Lihat situs kantor</a></loket-service-status>', kind: 'network', text: /Tidak dapat terhubung ke server/ },
    { name: 'a timeout', markup: () => '<loket-service-status src="/test-api/slow?ms=4000" timeout="1"><a href="/kantor">Lihat situs kantor</a></loket-service-status>', kind: 'timeout', text: /terlalu lama menjawab \(lebih dari 1 detik\)/ },
    { name: 'an HTML page instead of JSON', markup: () => '<loket-service-status src="/test-api/html"><a href="/kantor">Lihat situs kantor</a></loket-service-status>', kind: 'html', text: /halaman HTML, bukan dokumen JSON/ },
    { name: 'an HTML page labelled as JSON', markup: () => '<loket-service-status src="/test-api/html-as-json"><a href="/kantor">Lihat situs kantor</a></loket-service-status>', kind: 'html', text: /halaman HTML, bukan dokumen JSON/ },
    { name: 'a multi-megabyte document', markup: () => '<loket-service-status src="/test-api/huge"><a href="/kantor">Lihat situs kantor</a></loket-service-status>', kind: 'too-large', text: /terlalu besar: lebih dari 1 MB/ },
    { name: 'a src the URL parser refuses', markup: () => '<loket-service-status src="http://[oops"><a href="/kantor">Lihat situs kantor</a></loket-service-status>', kind: 'bad-url', text: /Alamat dokumen tidak sah: "http:\/\/\[oops"/ },
    { name: 'no document at all', markup: () => '<loket-service-status><a href="/kantor">Lihat situs kantor</a></loket-service-status>', kind: 'no-source', text: /Belum ada dokumen/ },
  ];

  for (const c of cases) {
    it(`explains ${c.name} in the banner's place, fires loket-error, logs once and keeps the fallback`, async () => {
      let probe!: ReturnType<typeof mount<LoketServiceStatus>>;
      let failed!: Event;
      const thrown: unknown[] = [];
      const onError = (e: ErrorEvent) => thrown.push(e.error);
      window.addEventListener('error', onError);
      const logged = await countConsoleErrors(async () => {
        probe = mount<LoketServiceStatus>(await c.markup());
        failed = await probe.next('loket-error');
        await probe.el.updateComplete;
      });
      window.removeEventListener('error', onError);
      const el = probe.el;
      expect(errorDetail(failed).kind).to.equal(c.kind);
      expect(errorDetail(failed).stale).to.equal(false);
      expect(el.matches(':state(error)'), ':state(error)').to.equal(true);
      expect(logged, 'console.error calls').to.have.length(1);
      expect(thrown).to.have.length(0);
      const box = panel(el)!;
      expect(box, 'error panel').to.exist;
      expect(box.textContent!.replace(/\s+/g, ' ')).to.match(c.text);
      // Its styles come with its code, fetched on failure: the danger border is there.
      expect(getComputedStyle(box).borderInlineStartWidth, 'the panel is styled').to.equal('6px');
      const fallback = el.querySelector('a[href="/kantor"]')!;
      expect(fallback.getBoundingClientRect().height, 'fallback link visible').to.be.greaterThan(0);
      await expect(el).to.be.accessible();
      expect(box.textContent, 'no English from the browser in an Indonesian message').not.to.match(/Unexpected|Expected|position|token/);
      el.lang = 'en';
      await el.updateComplete;
      expect(panel(el)!.textContent).to.contain('This information cannot be shown yet');
      if (c.kind === 'json') expect(panel(el)!.textContent).to.match(/The document is not valid JSON: .* \(line \d+, column \d+\)\./);
    });
  }

  it('lists every problem of a broken document at once, each with its path', async () => {
    const broken = { version: 1, office: { name: 'X', timeZone: 'Mars/Base' }, hours: { fry: [] }, channels: [] } as unknown as StatusDocument;
    const probe = mount<LoketServiceStatus>(inline(broken));
    const logged = await countConsoleErrors(async () => {
      const failed = await probe.next('loket-error');
      const paths = errorDetail(failed).problems.map((p) => p.path);
      expect(paths).to.include.members(['office.timeZone', 'hours.fry', 'channels']);
    });
    expect(logged[0]).to.contain('office.timeZone');
  });
});


describe('<loket-service-status> on a hostile host page', () => {
  it('keeps its own font, colour and layout under "* { … !important }" rules, at 320 px without horizontal scroll', async () => {
    const { setViewport } = await import('@web/test-runner-commands');
    await setViewport({ width: 320, height: 800 });
    const style = document.createElement('style');
    style.textContent = `html { font-size: 62.5%; }
      * { margin: 0 !important; padding: 0 !important; font: 11px/1 "Comic Sans MS", cursive !important; color: red !important; display: inline !important; box-sizing: content-box !important; }
      button { background: #000 !important; } a { color: yellow !important; }`;
    document.head.append(style);
    try {
      const doc = office({
        notices: [{ level: 'warning', title: 'Antrean dibatasi dan pengunjung wajib memakai masker selama berada di ruang pelayanan' }],
        channels: [
          { kind: 'in-person', state: 'limited' },
          { kind: 'consultation', state: 'open', label: 'Konsultasi dan pengaduan melalui call center DPMPTSP' },
        ],
      });
      const probe = mount<LoketServiceStatus>(inline(doc, 'expanded'));
      await probe.next('loket-ready');
      const el = probe.el;
      const banner = el.shadowRoot!.querySelector<HTMLElement>('[part="banner"]')!;
      const cs = getComputedStyle(banner);
      expect(getComputedStyle(el).display).to.equal('block');
      expect(parseFloat(cs.fontSize)).to.be.at.least(16);
      expect(cs.color).to.equal('rgb(31, 35, 40)');
      expect(cs.fontFamily).not.to.contain('Comic');
      expect(banner.scrollWidth).to.be.at.most(banner.clientWidth + 1);
      expect(el.getBoundingClientRect().width).to.be.at.most(320);
      const right = banner.getBoundingClientRect().right;
      for (const chip of el.shadowRoot!.querySelectorAll('.chip')) expect(chip.getBoundingClientRect().right).to.be.at.most(right);
      const toggle = el.shadowRoot!.querySelector<HTMLElement>('[part="toggle"]')!;
      expect(toggle.getBoundingClientRect().height).to.be.at.least(44);
    } finally {
      style.remove();
      await setViewport({ width: 800, height: 600 });
    }
  });
});

describe('<loket-service-status> summary wording', () => {
  it('says in-person service is suspended when the office has closed it, and uses the short name', async () => {
    const doc = office({ office: { name: 'Dinas Penanaman Modal dan PTSP Kabupaten Uji', shortName: 'DPMPTSP Uji', timeZone: 'Asia/Makassar' }, channels: [{ kind: 'in-person', state: 'closed' }, { kind: 'online', state: 'open' }] });
    const probe = mount<LoketServiceStatus>(inline(doc, 'now="2020-09-14T09:00"'));
    await probe.next('loket-ready');
    const line = probe.el.shadowRoot!.querySelector('.office-line')!.textContent!.replace(/\s+/g, ' ').trim();
    expect(line).to.equal('DPMPTSP Uji Pelayanan tatap muka ditiadakan');
    expect(probe.el.shadowRoot!.querySelector('[part="banner"]')!.getAttribute('aria-label')).to.equal('Status layanan Dinas Penanaman Modal dan PTSP Kabupaten Uji');
  });
});
