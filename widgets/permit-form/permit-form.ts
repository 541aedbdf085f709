import { html, nothing, type CSSResult, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { referencedFields } from '../../src/condition-eval.js';
import { defineElement } from '../../src/define.js';
import type { StagedResult } from '../../src/fast/two-stage.js';
import { LoketErrorEvent, type LoketErrorDetail } from '../../src/events.js';
import { LoketStepEvent, type LoketSubmitDetail } from '../../src/form-events.js';
import { dateOf, filesOf } from '../../src/form/answers.js';
import { createConditions, type FormLogic } from '../../src/form/conditions.js';
import type { FieldIndex } from '../../src/form/fields.js';
import { addWholeCheck, documentPasses, formParser } from '../../src/form/fast.js';
import type { AnswerField, FormDocument, GroupField } from '../../src/form/format.js';
import type { FormLaterKey } from '../../src/form/later-messages.js';
import { formUiMsg, type FormUiKey } from '../../src/form/ui-messages.js';
import type { FieldError, Validator } from '../../src/form/validate.js';
import { loadLocale, type Params } from '../../src/i18n.js';
import { contactHref } from '../../src/contact.js';
import { text, type Locale } from '../../src/locale.js';
import { mayHoldSavedState } from '../../src/submit/saved.js';
import { LoketElement } from '../shared/loket-element.js';
import { addStyles } from '../shared/add-styles.js';
import { groupItems, idOf, itemsOf, keyOf, parsePath, readAnswer, writeAnswer } from './answer-state.js';
import { heading } from '../shared/parts.js';
import { fieldList } from './field-dom.js';
import { isLongList, type FieldContext, type FilesGroupsPart, type LongListsPart } from './fields.js';
import { permitFormStyles } from './permit-form.styles.js';
import type { SubmissionController } from './submission.js';
import type { SubmitHook } from '../../src/submit/index.js';

type View = 'step' | 'review' | 'handed-over' | 'receipt' | 'outbox' | 'failed' | 'expired';

/** Views of an application that has left the citizen's hands: the answers cannot be changed there. */
const SETTLED: ReadonlySet<View> = new Set(['receipt', 'outbox', 'expired']);
type Focus = { readonly to: 'heading' } | { readonly to: 'summary' } | { readonly to: 'status' } | { readonly to: 'field'; readonly path: string; readonly part?: string } | { readonly to: 'none' };

/** Field types whose answers may come from the page's URL (the checklist hand-off): choices only, never free text. */
const URL_PREFILL_TYPES = new Set(['radio', 'select', 'checkboxes', 'checkbox']);

/**
 * A permit application form rendered from a JSON document: steps, Indonesian
 * identifiers, conditional questions, repeatable groups, files, GOV.UK-style
 * validation with an error summary, and a review page before submitting.
 *
 * @summary A permit application form for an Indonesian permit office.
 *
 * @event loket-ready - The document's shape was checked and the first step rendered.
 * @event loket-error - The document could not be loaded or does not match the format. Its cross-references (names, conditions, cycles, limits, patterns) are checked just after the first step shows: a document that fails them fires this after `loket-ready`, and the form gives way to the error panel.
 * @event loket-step - The citizen moved to another step or to the review page; `detail` says where.
 * @event loket-submit - The citizen confirmed on the review page; `detail.answers` holds the final answers. Cancelable: cancel it to deliver the answers yourself.
 * @event loket-submitted - The backend confirmed the application; `detail` is the receipt (`trackingNumber`, `submittedAt`, …). Fired once, in the tab whose request delivered it (other tabs showing the application show the receipt without it).
 *
 * @slot - Fallback content shown until the form renders, and beside an error panel.
 *
 * @csspart form - The form element around the current step.
 * @csspart caption - The form's title above each step.
 * @csspart progress - "Langkah 2 dari 4".
 * @csspart heading - The step heading (focused on each step change).
 * @csspart error-summary - "Ada masalah" and the links to each error.
 * @csspart field - One question.
 * @csspart hint - A question's hint.
 * @csspart error - A question's error message.
 * @csspart warning - A question's warning (never blocks).
 * @csspart input - A text input, select or textarea.
 * @csspart listbox - The list that opens under the search box of a long list (a combobox).
 * @csspart file-input - The native file input (visually hidden; it keeps focus and opens the picker).
 * @csspart file-button - The button drawn for a file input, in the form's language ("Pilih berkas").
 * @csspart file-list - The files chosen for a question.
 * @csspart group-item - One item of a repeatable group.
 * @csspart add-button - Adds an item to a repeatable group.
 * @csspart remove-button - Removes an item from a repeatable group.
 * @csspart notice - Highlighted static content.
 * @csspart button - The Continue and Submit buttons.
 * @csspart back - The Back button.
 * @csspart review-row - One answer on the review page.
 * @csspart change-button - "Ubah" on the review page.
 * @csspart help - The help channel shown on every step.
 * @csspart draft-offer - "Lanjutkan isian sebelumnya?" when a draft was found on the device.
 * @csspart draft-note - The line saying the answers are kept on this device, with "Hapus data dari perangkat ini".
 * @csspart submit-status - Sending, waiting in the outbox, or why the application was not sent.
 * @csspart upload-list - Upload progress per file while sending.
 * @csspart outbox-screen - "Permohonan menunggu dikirim" (waiting on the device, in every tab) or "Permohonan tidak terkirim" (expired unsent).
 * @csspart delete-button - "Hapus data dari perangkat ini" on the waiting screen, and its confirmation.
 * @csspart receipt - The confirmation page after sending.
 * @csspart receipt-panel - "Permohonan terkirim" and the tracking number.
 * @csspart receipt-number - The tracking number.
 * @csspart tracking-link - "Lacak permohonan" on the receipt (with `receipt.trackingPage`).
 * @csspart error-panel - The panel shown when the document cannot be used.
 *
 * @cssprop [--loket-font-family=system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', Arial, sans-serif] - Font of the widget.
 * @cssprop [--loket-font-size=max(1rem, 16px)] - Base font size (never below 16 px, even on sites that shrink the root font).
 * @cssprop [--loket-color-text=#1f2328] - Text colour.
 * @cssprop [--loket-color-muted=#4b5563] - Hints and secondary text.
 * @cssprop [--loket-color-link=#0b57a4] - Links and link-style buttons.
 * @cssprop [--loket-color-focus=#b35c00] - Focus ring.
 * @cssprop [--loket-color-danger=#b3261e] - Errors.
 * @cssprop [--loket-color-warning=#8a5300] - Warnings.
 * @cssprop [--loket-color-primary=#0b6b3a] - Primary buttons.
 * @cssprop [--loket-color-primary-text=#fff] - Text on primary buttons.
 * @cssprop [--loket-color-border=#57606a] - Input borders.
 * @cssprop [--loket-color-surface=#fff] - Input backgrounds.
 * @cssprop [--loket-radius=6px] - Corner radius.
 * @cssprop [--loket-scroll-margin=5rem] - Space kept clear of a sticky site header when a question is scrolled into view.
 * @cssprop [--loket-line-height=1.5] - Line height.
 * @cssprop [--loket-color-notice=#eef4fb] - Background of notices and status messages.
 * @cssprop [--loket-color-secondary=#f3f4f6] - Background of secondary buttons (add, remove).
 * @cssprop [--loket-form-outbox-background=#fff6e5] - Background of "Menunggu koneksi" while an application waits in the outbox.
 * @cssprop [--loket-form-receipt-background=#0b6b3a] - Background of the "Permohonan terkirim" panel.
 * @cssprop [--loket-form-receipt-color=#fff] - Text of the "Permohonan terkirim" panel.
 * @cssprop [--loket-color-code=#f3f4f6] - Background of document paths in the error panel.
 *
 * @cssstate review - The review page is shown.
 * @cssstate invalid - The current step shows errors.
 * @cssstate error - The document could not be used.
 */
export class LoketPermitForm extends LoketElement<FormDocument> {
  static override styles = [...LoketElement.styles, permitFormStyles];

  /** The level of the step headings (1–6), so they fit the host page's outline. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;

  /**
   * `url` (default): answers to choice questions may arrive in the page's query
   * string, as the requirement checklist sends them (`?applicantType=company`).
   * `none`: ignore the URL.
   */
  @property() prefill: 'url' | 'none' = 'url';

  /** Answers to start with, by field name (same shape as the submitted answers). */
  @property({ attribute: false }) initialAnswers?: Readonly<Record<string, unknown>>;

  /**
   * Where the region data files are (`regions/indonesia.json`, `regions/51.02.json`, …).
   * By default beside loket.js's chunks; set it when the files are served elsewhere
   * (the npm build used with your own bundler).
   */
  @property({ attribute: 'regions-url' }) regionsUrl?: string;

  /** An endpoint that overrides the document's `submit.endpoint`. */
  @property() action?: string;

  /** Custom delivery: `async (payload, files) => ({ trackingNumber })`, instead of HTTP. */
  @property({ attribute: false }) submitHook?: SubmitHook;

  /**
   * Sending, drafts, the outbox and the receipt (widgets/permit-form/submission.ts).
   * Its code (a third of the form's) is fetched after the first step is on
   * screen, once it is needed (see loadSubmissionWhenNeeded).
   */
  private submission?: SubmissionController;
  private submissionLoad?: Promise<SubmissionController>;
  private lastPartsTry = 0;
  /** The last attempt to send failed because the sending code could not be fetched. */
  private codeFailed = false;

  private loadSubmission(): Promise<SubmissionController> {
    // The review page is needed only after answering too: fetched beside the sending code.
    void this.loadReview();
    this.submissionLoad ??= import('./submission.js').then(async ({ SubmissionController, submissionStyles }) => {
      this.addStyles(submissionStyles);
      await loadLocale(this.locale);
      const controller = new SubmissionController(this, {
        locale: () => this.locale,
        action: () => this.action,
        submitHook: () => this.submitHook,
        currentAnswers: () => this.answers,
        currentStep: () => this.stepIndex,
        restoreAnswers: (answers, step) => this.restoreAnswers(answers, step),
        showServerErrors: (errors) => this.checks?.showServerErrors(this, errors),
        showResult: (view) => {
          const before = this.view;
          this.resultView = view;
          this.view = view;
          // The submit button is gone: focus the heading of the screen that replaced the page, or the status on it.
          if (view === 'failed') this.pendingFocus = { to: 'status' };
          else if (view !== before) this.pendingFocus = { to: 'heading' };
        },
        startOver: (clear) => this.startOver(clear),
        focusHeading: () => {
          this.pendingFocus = { to: 'heading' };
          this.requestUpdate();
        },
        announce: (message) => {
          this.announcement = '';
          void this.updateComplete.then(() => (this.announcement = message));
        },
      });
      this.submission = controller;
      this.connectSubmission();
      this.requestUpdate();
      return controller;
    });
    // A dropped request on 3G must not disable sending for good: forget the failure so the next try imports again.
    this.submissionLoad.catch(() => (this.submissionLoad = undefined));
    return this.submissionLoad;
  }

  private resultView: View = 'review';
  /** The document the sending code works for (drafts, outbox), once it passed its checks. */
  private submissionForm?: FormDocument;

  /**
   * Hands the sending code the document on screen once it has passed the
   * whole-document checks (checkDocument): no draft is restored or saved and
   * nothing is sent for a document that turns out to be broken.
   */
  private connectSubmission(): void {
    const form = this.value;
    const controller = this.submission;
    if (!form || !controller || this.checked !== form || this.submissionForm === form) return;
    this.submissionForm = form;
    void controller.setForm(form);
    // Answers typed while the code was arriving are saved as a draft too.
    if (Object.keys(this.answers).length) controller.answersChanged();
  }

  /**
   * The review page (widgets/permit-form/review.ts and what it uses): no
   * first screen shows it, so it is fetched with the sending code, when the
   * citizen starts answering, and again when the review page needs it.
   */
  private review?: typeof import('./review.js');
  private reviewLoad?: Promise<void>;
  private reviewFailed = false;

  private loadReview(): Promise<void> {
    this.reviewFailed = false;
    this.reviewLoad ??= import('./review.js').then(
      async (module) => {
        // Its words (later-messages.ts), in English too on an English page.
        await loadLocale(this.locale);
        this.addStyles(module.reviewStyles);
        this.review = module;
        this.requestUpdate();
      },
      (error: unknown) => {
        // A dropped request: the review page says so and its button tries again.
        console.error('[loket] <loket-permit-form>: the review page could not be loaded:', error);
        this.reviewLoad = undefined;
        this.reviewFailed = true;
        this.requestUpdate();
      },
    );
    return this.reviewLoad;
  }

  /**
   * The whole-document checks (src/form/check.ts), the checks of the answers
   * and their messages (src/form/validate.ts and what it uses), with the code
   * that shows them (error-dom.ts), in one chunk (checks.ts). The first
   * screen needs only the document's shape and the form's conditions (what
   * is shown, what is required), so this code is fetched once the first
   * step is on screen, not before; a press of Lanjut or Kirim before it has
   * arrived waits for it (see onSubmit), and a document it faults gives way
   * to the error panel (checkDocument).
   */
  private checks?: typeof import('./checks.js');
  private checksLoad?: Promise<void>;
  /** A press of Lanjut or Kirim waiting for the checks' code. */
  private checking?: Promise<void>;
  /** The last press could not be checked: the checks' code could not be fetched. */
  private checksFailed = false;

  private loadChecks(): Promise<void> {
    this.checksLoad ??= import('./checks.js').then(async (module) => {
      await loadLocale(this.locale);
      addWholeCheck(module.checkForm);
      this.addStyles(module.checkStyles);
      this.checks = module;
      if (this.checkDocument()) this.connectSubmission();
    });
    // A dropped request on 3G must not stop the checks for good: the next press imports again.
    this.checksLoad.catch(() => (this.checksLoad = undefined));
    return this.checksLoad;
  }

  /** The document on screen once it passed the whole-document checks. */
  private checked?: FormDocument;
  /** The form on screen gave way to the error panel when its checks arrived; `focus`: the citizen was in it. */
  private replaced?: { focus: boolean };

  /**
   * Runs the whole-document checks on the document on screen, once their
   * code is here (the document was accepted on its shape alone, see
   * src/form/fast.ts). When it passes, the checks of the answers are built;
   * when it does not, the form leaves the screen at once and the document
   * goes through the full parse, as a document that failed before its first
   * render does: the same error panel naming every problem, the same
   * `loket-error`. Answers were never checked, saved or sent for it.
   */
  private checkDocument(): boolean {
    const form = this.value;
    if (!form || !this.checks) return false;
    if (this.checked === form) return true;
    if (documentPasses(form) === false) {
      this.validator = undefined;
      this.replaced = { focus: this.matches(':focus-within') };
      this.clearDocument();
      this.accept({ ok: true, json: form }, false);
      return false;
    }
    this.checked = form;
    this.buildValidator();
    return true;
  }

  /** The validator of the current document, once the checks' code is here and the document passed them. */
  private buildValidator(): void {
    const form = this.value;
    const conditions = this.conditions;
    if (!this.checks || !form || conditions?.form !== form || this.checked !== form) return;
    // Region codes and fetched options are checked against data the long-lists code loads;
    // until it has, such an answer asks the citizen to wait (never passes unchecked).
    this.validator = this.checks.createValidator(
      form,
      {
        regions: { names: (code) => this.longLists?.regions.names(code) },
        optionLists: (url) => this.longLists?.optionsFrom(url),
      },
      conditions,
    );
  }

  /** Re-builds every question on the next render (a part they render through arrived, or failed to). */
  private rebuildFields(): void {
    this.generation++;
    this.requestUpdate();
  }

  /** Adds styles that arrived with a part fetched later (the sending code, the searchable lists). */
  private addStyles(styles: CSSResult): void {
    addStyles(this.renderRoot as ShadowRoot, styles);
  }

  /**
   * File questions and repeatable groups (widgets/permit-form/files-groups.ts):
   * fetched as soon as the document has one, while its first step renders;
   * such a question says "Memuat pertanyaan…" until the code is here.
   */
  private filesGroups?: FilesGroupsPart;
  private filesGroupsLoad?: Promise<void>;
  private filesGroupsFailed = false;

  private loadFilesGroups(): void {
    this.filesGroupsFailed = false;
    this.filesGroupsLoad ??= import('./files-groups.js').then(
      async (module) => {
        // Its words (later-messages.ts), in English too on an English page.
        await loadLocale(this.locale);
        this.addStyles(module.filesGroupsStyles);
        this.filesGroups = module;
        this.rebuildFields();
      },
      (error: unknown) => {
        // A dropped request: the question says so and its "Coba lagi" fetches again.
        console.error('[loket] <loket-permit-form>: the code for file questions and repeatable groups could not be loaded:', error);
        this.filesGroupsLoad = undefined;
        this.filesGroupsFailed = true;
        this.rebuildFields();
      },
    );
  }

  /**
   * Searchable lists and region fields (widgets/permit-form/long-lists.ts):
   * fetched only when the document has such a field, so other forms never
   * download that code or any region data.
   */
  private longLists?: LongListsPart;
  private longListsLoad?: Promise<void>;
  /** The import of long-lists.ts while it is under way. */
  private longListsImport?: Promise<void>;
  private longListsFailed = false;

  /**
   * Also waits for the searchable lists and region data the form is fetching
   * (and for the checks of the answers, fetched after the first render),
   * and for the render they bring, so a host (or a test) awaiting
   * `updateComplete` sees the questions complete.
   */
  protected override pendingParts(): readonly (Promise<unknown> | undefined)[] {
    return [
      this.longListsImport,
      this.longLists?.pending(),
      this.view === 'step' ? undefined : this.reviewLoad,
      this.checking,
      // The checks fetched after the first render: a host that awaits updateComplete and then presses Lanjut measures the checks, not the fetch.
      this.validator ? undefined : this.checksLoad,
      this.filesGroups ? undefined : this.filesGroupsLoad,
    ];
  }

  private loadLongLists(): void {
    this.longListsFailed = false;
    this.longListsLoad ??= import('./long-lists.js').then(
      async ({ LongLists, longListStyles }) => {
        this.addStyles(longListStyles);
        this.longLists = new LongLists({
          root: () => this.renderRoot as ShadowRoot,
          rendered: () => this.updateComplete,
          locale: () => this.locale,
          regionsUrl: () => this.regionsUrl,
          baseUri: () => this.ownerDocument.baseURI,
          refresh: (path) => this.refreshField(path),
          refreshAll: () => this.rebuildFields(),
        });
        if (this.isConnected) this.longLists.connect();
        await this.longLists.ready();
        this.rebuildFields();
      },
      (error: unknown) => {
        this.longListsLoad = undefined;
        this.longListsFailed = true;
        console.error('[loket] <loket-permit-form>: the code for searchable lists and region fields could not be loaded:', error);
        this.rebuildFields();
      },
    );
    const importing = this.longListsLoad.finally(() => {
      if (this.longListsImport === importing) this.longListsImport = undefined;
    });
    this.longListsImport = importing;
  }

  private refreshField(path: string): void {
    this.touch(path);
    this.requestUpdate();
  }

  @state() private stepIndex = 0;
  @state() private view: View = 'step';
  /** The errors listed in the summary: those found by the last Continue. */
  @state() private summary: readonly FieldError[] = [];
  @state() private announcement = '';

  /** What the form shows and asks for: all the first screen needs of the document's logic. */
  private conditions?: FormLogic;
  /** The checks of the answers, once their code has arrived (loadChecks). */
  private validator?: Validator;
  /** Every answer field by key (`nik`, `vessels.name`), as the validator indexes them. */
  private fields?: FieldIndex;
  private answers: Record<string, unknown> = {};
  private readonly errors = new Map<string, FieldError>();
  private readonly warnings = new Map<string, FieldError>();
  private readonly versions = new Map<string, number>();
  private readonly messageVersions = new Map<string, number>();
  private generation = 0;
  /** Field keys that static content's conditions read: changing one re-renders the step. */
  private contentKeys = new Set<string>();
  /** The lists of questions on screen (field-dom.ts), which a keystroke updates without rendering the form. */
  private readonly fieldLists = new Set<{ refresh(): void }>();
  private returnToReview = false;
  private pendingFocus: Focus = { to: 'none' };
  private pushedHistory = false;
  private submitting = false;
  protected override parse(json: unknown, locale: Locale): StagedResult<FormDocument> {
    return formParser.parse(json, locale);
  }

  protected override loadParser(): Promise<void> {
    return formParser.load();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    addEventListener('popstate', this.onPopState);
    this.longLists?.connect();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    removeEventListener('popstate', this.onPopState);
    this.longLists?.disconnect();
  }

  protected override documentChanged(): void {
    const form = this.value;
    if (!form) return;
    this.conditions = createConditions(form);
    this.fields = this.conditions.index;
    this.validator = undefined;
    this.checked = undefined;
    this.replaced = undefined;
    this.checksFailed = false;
    this.answers = {};
    this.errors.clear();
    this.warnings.clear();
    this.summary = [];
    this.contentKeys = new Set();
    this.fieldLists.clear();
    const collect = (fields: readonly { visibleWhen?: Parameters<typeof referencedFields>[0] }[], group?: string) => {
      for (const f of fields) {
        if (!('name' in f) && f.visibleWhen) for (const name of referencedFields(f.visibleWhen)) this.contentKeys.add(group ? `${group}.${name}` : name);
        if ('fields' in f && 'name' in f) collect(f.fields as typeof fields, f.name as string);
      }
    };
    for (const step of form.steps) collect(step.fields);
    const long = (fields: readonly Parameters<typeof isLongList>[0][]): boolean => fields.some((f) => f.type === 'region' || isLongList(f) || (f.type === 'group' && long(f.fields)));
    if (form.steps.some((step) => long(step.fields))) this.loadLongLists();
    if (form.steps.some((step) => step.fields.some((f) => f.type === 'file' || f.type === 'group'))) this.loadFilesGroups();
    this.applyPrefill(form);
    this.stepIndex = this.conditions.visibleSteps(this.answers)[0] ?? 0;
    this.view = 'step';
    this.returnToReview = false;
    this.generation++;
    // Once their code is here, every document was checked in full before it rendered (src/form/fast.ts).
    if (this.checks && this.checkDocument()) this.connectSubmission();
    if (!this.submission) void this.updateComplete.then(() => this.loadSubmissionWhenNeeded()).catch(() => undefined);
    // Right after the first step is rendered, so that a Lanjut pressed at once seldom waits.
    if (!this.checks) void this.updateComplete.then(() => this.loadChecks()).catch(() => undefined);
  }

  /**
   * The sending code is fetched at once when this device may hold a draft or
   * an unsent application (the code restores and retries them), and otherwise
   * when the citizen starts answering: a visitor who only reads never
   * downloads it.
   */
  private async loadSubmissionWhenNeeded(): Promise<void> {
    if (await mayHoldSavedState()) {
      await this.loadSubmission();
      return;
    }
    const events = ['focusin', 'pointerdown', 'keydown'] as const;
    const start = () => {
      for (const type of events) this.renderRoot.removeEventListener(type, start);
      void this.loadSubmission().catch(() => undefined);
    };
    for (const type of events) this.renderRoot.addEventListener(type, start);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('initialAnswers') && this.initialAnswers && this.value && this.conditions) {
      this.applyPrefill(this.value);
      this.generation++;
    }
    this.setStates({ review: this.view === 'review', invalid: this.summary.length > 0 });
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const focus = this.pendingFocus;
    this.pendingFocus = { to: 'none' };
    if (focus.to === 'heading') this.renderRoot.querySelector<HTMLElement>('.step-heading')?.focus();
    else if (focus.to === 'summary') this.renderRoot.querySelector<HTMLElement>('.error-summary')?.focus();
    else if (focus.to === 'status') (this.renderRoot.querySelector<HTMLElement>('.submit-status') ?? this.renderRoot.querySelector<HTMLElement>('.status-message'))?.focus();
    else if (focus.to === 'field') this.focusField(focus.path, focus.part);
    // The citizen was in a form that gave way to the error panel: keep focus in the widget, on the panel.
    const panel = this.replaced?.focus && this.failure ? this.renderRoot.querySelector<HTMLElement>('.replaced') : null;
    if (panel && this.replaced) {
      this.replaced.focus = false;
      panel.focus();
    }
  }

  /**
   * The error panel. When it replaces a form that was on screen (its
   * document failed the checks that arrive after first paint), it is an
   * alert, so that a screen reader says why the form went away.
   */
  protected override renderFailure(failure: LoketErrorDetail): TemplateResult {
    const panel = super.renderFailure(failure);
    return this.replaced ? html`<div class="replaced" role="alert" tabindex="-1">${panel}</div>` : panel;
  }

  // ---- Answers -------------------------------------------------------------

  private applyPrefill(form: FormDocument): void {
    const index = this.fields;
    if (!index) return;
    const topLevel = [...index.entries.values()].filter((entry) => !entry.group);
    if (this.prefill === 'url') {
      let params: URLSearchParams | undefined;
      try {
        params = new URLSearchParams(this.ownerDocument.defaultView?.location.search ?? '');
      } catch {
        params = undefined;
      }
      for (const { field } of topLevel) {
        const name = field.name;
        const values = params?.getAll(name) ?? [];
        if (!values.length || !URL_PREFILL_TYPES.has(field.type)) continue;
        if (field.type === 'checkbox') {
          if (values[0] === 'true' || values[0] === 'false') this.answers[name] = values[0] === 'true';
        } else if ('options' in field) {
          const allowed = values.filter((v) => field.options?.some((o) => o.value === v));
          if (!allowed.length) continue;
          this.answers[name] = field.type === 'checkboxes' ? allowed : allowed[0];
        }
      }
    }
    for (const [name, value] of Object.entries(this.initialAnswers ?? {})) {
      if (index.entries.has(name)) this.answers[name] = structuredCloneSafe(value);
    }
    this.seedGroups();
  }

  /**
   * A group that needs items starts with that many, empty (GOV.UK's "add
   * another" starts with one): its questions are there to answer, not behind
   * an "add" button. Done when the answers are set up, never while rendering
   * (a render only reads); once the citizen removes the items, the group stays empty.
   */
  private seedGroups(): void {
    for (const { field, group } of this.fields?.entries.values() ?? []) {
      if (group || field.type !== 'group' || Array.isArray(this.answers[field.name])) continue;
      const count = Math.min(field.min ?? 0, field.max ?? Infinity);
      if (count > 0) this.answers[field.name] = Array.from({ length: count }, () => ({}));
    }
  }

  private version(path: string): string {
    return `${this.generation}.${this.versions.get(path) ?? 0}`;
  }

  /** Marks a field for re-rendering; a field inside a group also marks its group, whose template holds it. */
  private touch(path: string): void {
    this.versions.set(path, (this.versions.get(path) ?? 0) + 1);
    const p = parsePath(path);
    if (p?.child !== undefined) this.versions.set(p.name, (this.versions.get(p.name) ?? 0) + 1);
  }

  /**
   * Marks a field whose messages changed and nothing else: its question
   * updates its message lines and the marks on its controls without being
   * re-built. A field inside a group re-renders its group, whose template holds it.
   */
  private touchMessages(path: string): void {
    this.messageVersions.set(path, (this.messageVersions.get(path) ?? 0) + 1);
    const p = parsePath(path);
    if (p?.child !== undefined) this.touch(p.name);
  }

  /** Marks every field with a validator key (`nik`, or `vessels.power` in every item). */
  private touchKey(key: string): void {
    const [group, child] = key.split('.');
    if (child === undefined || group === undefined) {
      this.touch(key);
      return;
    }
    itemsOf(this.answers, group).forEach((_, i) => this.touch(`${group}[${i}].${child}`));
    this.touch(group);
  }

  /**
   * After a change to one answer: re-check it only while it shows an error or
   * warning (GOV.UK), and re-render only the fields that depend on it. A
   * keystroke in a field nothing depends on costs no render at all; one
   * whose question or dependants change re-builds just those (`direct`,
   * without a render of the form) unless the steps shown change with it.
   */
  private changed(path: string, direct = false): void {
    const conditions = this.conditions;
    if (!conditions) return;
    if (this.submission) this.submission.answersChanged();
    if (!this.submission || !this.validator) this.retryLaterParts();
    const key = keyOf(path);
    let render = false;
    // Errors and warnings come only from the checks, so the validator is here when one shows.
    const validator = this.validator;
    if (validator && (this.errors.has(path) || this.warnings.has(path))) {
      const result = validator.validateField(this.answers, path, this.locale);
      const error = result.errors.find((e) => e.field === path);
      const warning = result.warnings.find((e) => e.field === path);
      if (error) this.errors.set(path, error);
      else this.errors.delete(path);
      if (warning) this.warnings.set(path, warning);
      else this.warnings.delete(path);
      this.touch(path);
      render = true;
    }
    const dependents = conditions.dependentsOf(key);
    for (const dependent of dependents.fields) this.touchKey(dependent);
    if (dependents.fields.length || dependents.steps.length || this.contentKeys.has(key)) {
      const p = parsePath(path);
      if (p?.child !== undefined) this.touch(p.name);
      render = true;
    }
    if (!render) return;
    if (direct && !dependents.steps.length) for (const list of [...this.fieldLists]) list.refresh();
    else this.requestUpdate();
  }

  private readonly onInput = (event: Event): void => {
    const target = event.target as HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;
    const path = target.dataset.path;
    if (!path || target.type === 'file') return;
    const kind = target.dataset.kind;
    if (kind === 'checkbox') {
      writeAnswer(this.answers, path, (target as HTMLInputElement).checked);
    } else if (kind === 'checkboxes') {
      const boxes = this.renderRoot.querySelectorAll<HTMLInputElement>(`input[data-kind="checkboxes"][data-path="${CSS.escape(path)}"]`);
      writeAnswer(this.answers, path, [...boxes].filter((b) => b.checked).map((b) => b.value));
    } else if (target.dataset.part) {
      writeAnswer(this.answers, path, { ...dateOf(readAnswer(this.answers, path)), [target.dataset.part]: target.value });
    } else {
      writeAnswer(this.answers, path, target.value);
    }
    this.changed(path, true);
  };

  private readonly onChange = async (event: Event): Promise<void> => {
    const target = event.target as HTMLInputElement;
    const path = target.dataset.path;
    if (!path || target.type !== 'file' || !target.files) return;
    let chosen = [...target.files];
    // Let the citizen pick the same file again after removing it.
    target.value = '';
    const field = this.fieldAt(path);
    if (field?.type === 'file' && field.image) {
      // Shrink camera photos as they are chosen, so a 4 MB photo of a KTP meets
      // a 2 MB limit instead of being refused; PDFs and small files stay as they are.
      this.say(this.later('ui.preparingPhotos'));
      const { downscaleImage } = await import('../../src/submit/downscale.js');
      chosen = await Promise.all(chosen.map((file) => downscaleImage(file, field)));
    }
    const existing = filesOf(readAnswer(this.answers, path)) as File[];
    writeAnswer(this.answers, path, target.multiple ? [...existing, ...chosen] : chosen.slice(0, 1));
    // Name the files and the question: "ktp.jpg dipilih untuk Scan KTP".
    this.say(this.later('ui.filesChosen', { names: chosen.map((f) => f.name).join(', '), label: field && 'label' in field ? text(field.label, this.locale) : '' }));
    this.touch(path);
    this.changed(path);
    this.requestUpdate();
  };

  /** The document's definition of the question at a path (`ktp`, `vessels[1].photo`). */
  private fieldAt(path: string): AnswerField | undefined {
    return this.fields?.entries.get(keyOf(path))?.field;
  }

  private removeFile(path: string, index: number): void {
    const files = [...filesOf(readAnswer(this.answers, path))];
    const [removed] = files.splice(index, 1);
    writeAnswer(this.answers, path, files);
    if (removed) this.say(this.later('ui.fileRemoved', { name: removed.name }));
    this.touch(path);
    this.changed(path);
    this.pendingFocus = { to: 'field', path };
    this.requestUpdate();
  }

  private addItem(group: GroupField): void {
    const items = groupItems(this.answers, group.name);
    if (group.max !== undefined && items.length >= group.max) return;
    items.push({});
    this.touch(group.name);
    this.changed(group.name);
    const label = this.itemLabel(group, items.length);
    this.say(this.later('ui.itemAdded', { item: label }));
    // Focus the new item's first question, as GOV.UK's "add another" does.
    const first = group.fields.find((f) => 'name' in f) as { name: string } | undefined;
    this.pendingFocus = first ? { to: 'field', path: `${group.name}[${items.length - 1}].${first.name}` } : { to: 'field', path: group.name, part: `item${items.length - 1}` };
    this.requestUpdate();
  }

  private removeItem(group: GroupField, index: number): void {
    const items = groupItems(this.answers, group.name);
    const label = this.itemLabel(group, index + 1);
    items.splice(index, 1);
    // Paths after the removed item shift: drop their errors and re-render the whole group.
    for (const map of [this.errors, this.warnings]) for (const path of [...map.keys()]) if (path.startsWith(`${group.name}[`)) map.delete(path);
    this.generation++;
    this.changed(group.name);
    this.say(this.later('ui.itemRemoved', { item: label }));
    this.pendingFocus = items.length ? { to: 'field', path: group.name, part: `item${Math.min(index, items.length - 1)}` } : { to: 'field', path: group.name, part: 'add' };
    this.requestUpdate();
  }

  private itemLabel(group: GroupField, n: number): string {
    return this.filesGroups?.itemLabel(group, n, this.locale) ?? '';
  }

  private say(message: string): void {
    // Re-announce identical text: render the region empty first, then the message.
    this.announcement = '';
    void this.updateComplete.then(() => (this.announcement = message));
  }

  /**
   * The form's words no first screen shows (src/form/later-messages.ts): they
   * come with the checks, the file and group questions and the review page,
   * one of which is always here when such a word is needed.
   */
  private later(key: FormLaterKey, params?: Params): string {
    const words = this.checks?.laterMsg ?? this.filesGroups?.laterMsg ?? this.review?.laterMsg;
    return words ? words(this.locale, key, params) : '';
  }

  // ---- Navigation ----------------------------------------------------------

  private visibleSteps(): number[] {
    return this.conditions?.visibleSteps(this.answers) ?? [];
  }


  private readonly onSubmit = (event: Event): void => {
    event.preventDefault();
    if (this.validator) return this.press();
    // Pressed before the checks' code has arrived: wait for it (one press is enough), then check as always.
    if (this.checking) return;
    this.checksFailed = false;
    const checking = this.loadChecks().then(
      () => {
        this.checking = undefined;
        if (this.validator) this.press();
      },
      (error: unknown) => {
        this.checking = undefined;
        this.checksCodeFailed(error);
      },
    );
    this.checking = checking;
    this.requestUpdate();
  };

  private press(): void {
    if (this.view === 'review') void this.checks?.submit(this);
    else this.checks?.continueStep(this);
  }

  /** The checks' code did not arrive (a dropped request): say so, keep the answers, and let "Coba lagi" press again. */
  private checksCodeFailed(error: unknown): void {
    this.checksFailed = true;
    console.error('[loket] <loket-permit-form>: the code that checks the answers could not be loaded:', error);
    this.pendingFocus = { to: 'status' };
    this.requestUpdate();
  }


  private back(): void {
    const steps = this.visibleSteps();
    if (this.view === 'review') {
      const last = steps[steps.length - 1];
      if (last !== undefined) this.goStep(last);
      return;
    }
    const previous = [...steps].reverse().find((s) => s < this.stepIndex);
    if (previous !== undefined) this.goStep(previous);
  }

  private goStep(index: number, focus: Focus = { to: 'heading' }, record = true): void {
    this.stepIndex = index;
    this.view = 'step';
    this.summary = [];
    this.checksFailed = false;
    this.pendingFocus = focus;
    if (record) this.record();
    this.announceStep();
    this.submission?.stepChanged();
  }

  private goReview(record = true): void {
    this.returnToReview = false;
    this.checksFailed = false;
    this.view = 'review';
    if (!this.review) void this.loadReview();
    this.summary = [];
    this.warnings.clear();
    // Reached without the checks (the browser's Forward after a reload), the warnings show once they are here.
    if (this.validator) this.checks?.reviewWarnings(this);
    else void this.loadChecks().then(() => this.checks?.reviewWarnings(this), () => undefined);
    this.pendingFocus = { to: 'heading' };
    if (record) this.record();
    this.announceStep();
  }


  private change(step: number, path: string): void {
    this.returnToReview = true;
    this.goStep(step, { to: 'field', path });
  }

  private announceStep(): void {
    const steps = this.visibleSteps();
    const review = this.view === 'review';
    const id = review ? undefined : this.value?.steps[this.stepIndex]?.id;
    this.dispatchEvent(
      new LoketStepEvent({ index: review ? -1 : this.stepIndex, id, position: review ? steps.length + 1 : steps.indexOf(this.stepIndex) + 1, total: steps.length, review }),
    );
  }

  /** The browser's Back button moves between steps instead of leaving the page and losing the answers. */
  private record(): void {
    const form = this.value;
    if (!form) return;
    try {
      history.pushState({ ...(history.state ?? {}), loketForm: form.id, loketStep: this.stepIndex, loketView: this.view }, '');
      this.pushedHistory = true;
    } catch {
      // Sandboxed frames may refuse; the in-form Back button still works.
    }
  }

  private readonly onPopState = (event: PopStateEvent): void => {
    const form = this.value;
    // An application on its way (or sent) is not reopened for changes: a changed copy would be a second application.
    if (!form || !this.pushedHistory || SETTLED.has(this.view)) return;
    const state = event.state as { loketForm?: string; loketStep?: number; loketView?: View } | null;
    if (state?.loketForm === form.id) {
      if (state.loketView === 'review') this.goReview(false);
      else this.goStep(state.loketStep ?? 0, { to: 'heading' }, false);
    } else {
      this.goStep(this.visibleSteps()[0] ?? 0, { to: 'heading' }, false);
    }
  };

  private focusField(path: string, part?: string): void {
    const root = this.renderRoot as ShadowRoot;
    const container = root.querySelector<HTMLElement>(`[data-field="${CSS.escape(path)}"]`);
    const control =
      (part ? root.getElementById(idOf(path, part)) : null) ??
      container?.querySelector<HTMLElement>('input:not([type=hidden]), select, textarea, button') ??
      root.getElementById(idOf(path));
    // Scroll the question (its label or legend) into view first: otherwise a
    // focused input at the top edge hides its label under a sticky header.
    (container ?? control)?.scrollIntoView({ block: 'start' });
    control?.focus({ preventScroll: true });
  }


  // ---- Submitting ----------------------------------------------------------


  /**
   * Delivers the answers when the host did not cancel `loket-submit`. Without
   * a configured backend the citizen is told honestly that nothing was sent.
   */
  protected async deliver(detail: LoketSubmitDetail): Promise<View> {
    this.resultView = 'review';
    this.codeFailed = false;
    let submission: SubmissionController;
    try {
      submission = await this.loadSubmission();
    } catch (error) {
      return this.sendingCodeFailed(error);
    }
    // Said at once, without touching the network or the device.
    if (!this.action && !this.submitHook && !this.value?.submit?.endpoint) return submission.notConnected();
    await submission.submit(detail.answers, detail.locale);
    return this.resultView;
  }

  /** The sending code did not arrive (a dropped request): say so honestly, keep the answers, offer "Coba lagi". */
  private sendingCodeFailed(error: unknown): View {
    this.codeFailed = true;
    const message = this.later('ui.sendCodeFailed');
    console.error(`[loket] <loket-permit-form>: ${message}`, error);
    this.dispatchEvent(new LoketErrorEvent({ kind: 'submit', reason: 'network', message, problems: [], stale: false }));
    this.pendingFocus = { to: 'status' };
    return 'failed';
  }

  /** While the sending code or the checks are missing, try to fetch them again now and then as the citizen types (drafts need the one, Lanjut the other). */
  private retryLaterParts(): void {
    const now = Date.now();
    if ((this.submissionLoad && this.checksLoad) || now - this.lastPartsTry < 10_000) return;
    this.lastPartsTry = now;
    if (!this.submissionLoad) void this.loadSubmission().catch(() => undefined);
    if (!this.checksLoad) void this.loadChecks().catch(() => undefined);
  }

  /** The first step again, after the waiting application was deleted (`clear`) or expired. */
  private startOver(clear: boolean): void {
    const form = this.value;
    if (!form) return;
    if (clear) {
      this.answers = {};
      this.applyPrefill(form);
    }
    this.errors.clear();
    this.warnings.clear();
    this.returnToReview = false;
    this.resultView = 'review';
    this.generation++;
    this.goStep(this.visibleSteps()[0] ?? 0);
  }

  /**
   * A restored draft replaces the answers and reopens the step the citizen
   * was on (or the nearest earlier one the restored answers still show).
   */
  private restoreAnswers(answers: Record<string, unknown>, step?: number): void {
    const form = this.value;
    if (!form) return;
    this.answers = structuredCloneSafe(answers) as Record<string, unknown>;
    this.seedGroups();
    this.errors.clear();
    this.warnings.clear();
    this.generation++;
    const steps = this.visibleSteps();
    const at = step === undefined ? undefined : [...steps].reverse().find((s) => s <= step);
    this.goStep(at ?? steps[0] ?? 0);
  }


  // ---- Rendering -----------------------------------------------------------

  private fieldContext(): FieldContext {
    return {
      locale: this.locale,
      answers: this.answers,
      conditions: this.conditions as FormLogic,
      headingLevel: this.headingLevel,
      error: (path) => this.errors.get(path),
      warning: (path) => this.warnings.get(path),
      version: (path) => this.version(path),
      messagesVersion: (path) => this.messageVersions.get(path) ?? 0,
      errorDom: this.checks,
      addItem: (group) => this.addItem(group),
      removeItem: (group, index) => this.removeItem(group, index),
      removeFile: (path, index) => this.removeFile(path, index),
      filesGroups: () => this.filesGroups ?? (this.filesGroupsFailed ? 'failed' : undefined),
      retryFilesGroups: () => this.loadFilesGroups(),
      longLists: () => this.longLists ?? (this.longListsFailed ? 'failed' : undefined),
      retryLongLists: () => this.loadLongLists(),
      setAnswer: (path, value) => {
        writeAnswer(this.answers, path, value);
        this.touch(path);
        this.changed(path);
        this.requestUpdate();
      },
      refresh: (path) => this.refreshField(path),
      lists: this.fieldLists,
    };
  }

  private t(key: FormUiKey, params?: Params): string {
    return formUiMsg(this.locale, key, params);
  }

  protected override renderDocument(form: FormDocument): TemplateResult {
    const conditions = this.conditions;
    if (!conditions) return html``;
    const steps = conditions.visibleSteps(this.answers);
    if (this.view === 'receipt' && this.submission?.receipt) {
      return html`<div class="permit-form">
        ${this.submission.renderReceipt(form, this.headingLevel)}
        ${this.renderHelp(form)}
        <div class="visually-hidden" role="status">${this.announcement}</div>
      </div>`;
    }
    if ((this.view === 'outbox' || this.view === 'expired') && this.submission) {
      return html`<div class="permit-form">
        <p class="caption" part="caption">${text(form.title, this.locale)}</p>
        ${this.submission.renderScreen(this.headingLevel)}
        ${this.renderHelp(form)}
        <div class="visually-hidden" role="status">${this.announcement}</div>
      </div>`;
    }
    const review = this.view !== 'step';
    const step = form.steps[this.stepIndex];
    const position = steps.indexOf(this.stepIndex);
    const canGoBack = review || position > 0;
    return html`<div class="permit-form">
      <p class="caption" part="caption">${text(form.title, this.locale)}</p>
      ${!review && steps.length >= 3 && position >= 0 ? html`<p class="progress" part="progress">${this.t('ui.stepOf', { n: position + 1, total: steps.length })}</p>` : nothing}
      ${canGoBack && this.view !== 'handed-over' ? html`<button type="button" class="back link-button" part="back" @click=${this.back}>${this.t('ui.back')}</button>` : nothing}
      ${this.checks?.renderSummary(this) ?? nothing}
      <form part="form" novalidate @submit=${this.onSubmit} @input=${this.onInput} @change=${this.onChange}>
        ${review ? this.renderReviewPage(form) : step ? this.renderStep(form, step) : nothing}
      </form>
      ${this.submission?.renderDraftNote() ?? nothing}
      ${this.renderHelp(form)}
      <div class="visually-hidden" role="status">${this.announcement}</div>
    </div>`;
  }

  private renderStep(form: FormDocument, step: FormDocument['steps'][number]): TemplateResult {
    const first = this.visibleSteps()[0] === this.stepIndex;
    return html`${heading(this.headingLevel, text(step.heading, this.locale), 'step-heading', 'step-heading', true)}
      ${first ? (this.submission?.renderDraftOffer(this.headingLevel) ?? nothing) : nothing}
      ${first && form.description !== undefined ? html`<p class="lead">${text(form.description, this.locale)}</p>` : nothing}
      ${first && form.serviceLevel ? this.renderServiceLevel(form) : nothing}
      ${step.description !== undefined ? html`<p class="step-description">${text(step.description, this.locale)}</p>` : nothing}
      <div class="fields" ${fieldList(step.fields, this.fieldContext())}></div>
      ${this.renderChecksStatus()}
      <div class="actions">
        <button type="submit" class="button primary" part="button">${this.checksFailed ? this.t('ui.retry') : this.returnToReview ? this.later('ui.backToReview') : this.t('ui.continue')}</button>
      </div>`;
  }

  /** While a press waits for the checks' code, and when that code could not be fetched. */
  private renderChecksStatus(): TemplateResult | typeof nothing {
    if (this.checksFailed) return html`<div class="submit-status status-message problem" part="submit-status" role="alert" tabindex="-1"><p>${this.t('ui.checkCodeFailed')}</p></div>`;
    return this.checking ? html`<p class="status-message" role="status">${this.t('ui.checking')}</p>` : nothing;
  }

  private renderServiceLevel(form: FormDocument): TemplateResult {
    const level = form.serviceLevel;
    return html`<ul class="service-level">
      ${level?.duration !== undefined ? html`<li>${this.t('ui.serviceLevel', { duration: text(level.duration, this.locale) })}</li>` : nothing}
      ${level?.fee !== undefined ? html`<li>${this.t('ui.fee', { fee: text(level.fee, this.locale) })}</li>` : nothing}
    </ul>`;
  }

  private renderReviewPage(form: FormDocument): TemplateResult {
    const ctx = {
      locale: this.locale,
      form,
      answers: this.answers,
      validator: this.conditions as FormLogic,
      headingLevel: this.headingLevel,
      warnings: this.warnings,
      change: (step: number, path: string) => this.change(step, path),
      optionsFrom: (url: string) => this.longLists?.optionsFrom(url),
    };
    const review = this.review;
    if (!review) {
      return html`${heading(this.headingLevel, this.t('ui.review'), 'step-heading', 'step-heading', true)}
        ${this.reviewFailed
          ? html`<div class="status-message problem" part="submit-status" role="alert" tabindex="-1"><p>${this.t('ui.reviewCodeFailed')}</p></div>
              <div class="actions"><button type="submit" class="button primary" part="button">${this.t('ui.retry')}</button></div>`
          : html`<p class="status-message" role="status">${this.t('ui.reviewLoading')}</p>`}`;
    }
    return html`${heading(this.headingLevel, this.t('ui.review'), 'step-heading', 'step-heading', true)}
      <p class="lead">${review.laterMsg(this.locale, 'ui.reviewIntro')}</p>
      ${review.renderReview(ctx)}
      ${this.view === 'handed-over' ? html`<p class="status-message" role="status" tabindex="-1">${this.later('ui.submitted')}</p>` : nothing}
      ${this.checksFailed || this.checking
        ? this.renderChecksStatus()
        : this.codeFailed && this.view === 'failed'
        ? html`<div class="submit-status status-message problem" part="submit-status" role="alert" tabindex="-1"><p>${this.later('ui.sendCodeFailed')}</p></div>`
        : (this.submission?.renderStatus() ?? nothing)}
      ${this.view === 'handed-over' || this.view === 'outbox' || (this.view === 'failed' && !this.codeFailed) || this.submission?.phase === 'sending'
        ? nothing
        : html`<div class="actions"><button type="submit" class="button primary" part="button">${this.codeFailed || this.checksFailed ? this.t('ui.retry') : this.t('ui.submit')}</button></div>`}`;
  }


  /** The help channel, in the same place on every step (WCAG 3.2.6). */
  private renderHelp(form: FormDocument): TemplateResult {
    const help = form.help;
    const base = this.ownerDocument.baseURI;
    const tel = help.phone !== undefined ? contactHref({ kind: 'phone', value: help.phone }, base) : undefined;
    const wa = help.whatsapp !== undefined ? contactHref({ kind: 'whatsapp', value: help.whatsapp }, base) : undefined;
    const mail = help.email !== undefined ? contactHref({ kind: 'email', value: help.email }, base) : undefined;
    // Named with the form's title too: two forms on one page keep apart (axe landmark-unique).
    return html`<aside class="help" part="help" aria-labelledby="help-title help-form">
      ${heading(this.headingLevel + 1, this.t('ui.help'), 'help-title', 'help-title')}
      <span id="help-form" hidden>${text(form.title, this.locale)}</span>
      <p class="help-office">${text(form.office.name, this.locale)}</p>
      <ul class="help-list">
        ${tel ? html`<li>${this.t('ui.helpPhone')}: <a href=${tel}>${help.phone}</a></li>` : nothing}
        ${wa ? html`<li>${this.t('ui.helpWhatsapp')}: <a href=${wa}>${help.whatsapp}</a></li>` : nothing}
        ${mail ? html`<li>${this.t('ui.helpEmail')}: <a href=${mail}>${help.email}</a></li>` : nothing}
      </ul>
      ${help.hours !== undefined ? html`<p class="muted">${text(help.hours, this.locale)}</p>` : nothing}
      ${help.note !== undefined ? html`<p class="muted">${text(help.note, this.locale)}</p>` : nothing}
    </aside>`;
  }
}

/** A copy of a plain value; `File` objects and anything uncloneable are kept as they are. */
function structuredCloneSafe(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(structuredCloneSafe);
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, structuredCloneSafe(v)]));
  }
  return value;
}

declare global {
  interface HTMLElementTagNameMap {
    'loket-permit-form': LoketPermitForm;
  }
}

defineElement('loket-permit-form', LoketPermitForm);
