/**
 * The manifest editor (CodeMirror 6 with YAML): a tab per workspace file, save, apply (runs
 * `kubectl apply -f FILE` in the terminal, sending the file) and the server's error shown at
 * its line, in the gutter and in words.
 */
import { indentWithTab } from '@codemirror/commands';
import { yaml } from '@codemirror/lang-yaml';
import { HighlightStyle, indentUnit, syntaxHighlighting } from '@codemirror/language';
import { lintGutter, setDiagnostics, type Diagnostic } from '@codemirror/lint';
import { EditorState, type Extension } from '@codemirror/state';
import { EditorView, keymap } from '@codemirror/view';
import { tags } from '@lezer/highlight';
import { basicSetup } from 'codemirror';
import { LIMITS } from '../../../shared/protocol.js';
import { locateApplyError, type ApplyError } from '../editor/apply-errors.js';
import type { Workspace } from '../editor/workspace.js';
import { t, trAttr } from '../i18n.js';
import { el, setText } from './dom.js';

export interface EditorDeps {
  workspace: Workspace;
  /** Runs `kubectl apply -f FILE` in the terminal; resolves with its output. */
  apply(file: string): Promise<{ text: string; exitCode: number }>;
}

export class ManifestEditor {
  readonly root: HTMLElement;
  private view: EditorView;
  private states = new Map<string, EditorState>();
  private current = '';
  private tabs: HTMLElement;
  private status: HTMLElement;
  private problem: HTMLElement;
  private applyBtn: HTMLButtonElement;
  private lastError?: ApplyError & { file: string };

  constructor(private deps: EditorDeps) {
    this.tabs = el('div', { class: 'ed-tabs', attrs: { role: 'tablist' } });
    trAttr(this.tabs, 'aria-label', 'editor.files');
    const save = el('button', { class: 'small', i18n: 'editor.save', attrs: { type: 'button', id: 'editor-save', title: 'Ctrl+S' }, on: { click: () => this.save() } });
    this.applyBtn = el('button', { class: 'small primary', i18n: 'editor.apply', attrs: { type: 'button', id: 'editor-apply', title: 'Ctrl+Enter' }, on: { click: () => void this.apply() } });
    const reset = el('button', { class: 'small ghost', i18n: 'editor.reset', attrs: { type: 'button', id: 'editor-reset' }, on: { click: () => this.reset() } });
    this.status = el('span', { class: 'ed-status', attrs: { id: 'editor-status', 'aria-live': 'polite' } });
    this.problem = el('div', { class: 'ed-problem', attrs: { id: 'editor-problem', role: 'alert' } });
    this.problem.hidden = true;
    const host = el('div', { class: 'ed-host' });
    this.root = el('section', { class: 'editor panel', attrs: { id: 'editor', 'aria-labelledby': 'editor-h' } }, [
      el('header', { class: 'ed-head' }, [el('h2', { class: 'panel-title', i18n: 'editor.title', attrs: { id: 'editor-h' } }), el('div', { class: 'ed-actions' }, [reset, save, this.applyBtn]), this.tabs]),
      host,
      this.problem,
      el('footer', { class: 'ed-foot' }, [this.status, el('span', { class: 'muted ed-keys', i18n: 'editor.keys' })]),
    ]);
    this.view = new EditorView({ parent: host });
    this.renderTabs();
    const first = deps.workspace.names()[0];
    if (first) this.open(first);
    deps.workspace.onReplace(() => {
      this.states.clear();
      this.current = '';
      this.renderTabs();
      const f = deps.workspace.names()[0];
      if (f) this.open(f);
    });
  }

  focus(): void {
    this.view.focus();
  }

  get file(): string {
    return this.current;
  }

  private extensions(): Extension[] {
    return [
      basicSetup,
      yaml(),
      indentUnit.of('  '),
      EditorState.tabSize.of(2),
      keymap.of([
        { key: 'Mod-s', preventDefault: true, run: () => (this.save(), true) },
        { key: 'Mod-Enter', preventDefault: true, run: () => (void this.apply(), true) },
        indentWithTab,
      ]),
      lintGutter(),
      EditorView.updateListener.of((u) => {
        if (u.docChanged) this.markDirty();
      }),
      EditorView.contentAttributes.of({ 'aria-label': t('editor.label') }),
      THEME,
      syntaxHighlighting(HIGHLIGHT),
    ];
  }

  open(name: string): void {
    if (this.current) this.states.set(this.current, this.view.state);
    this.current = name;
    let state = this.states.get(name);
    if (!state) state = EditorState.create({ doc: this.deps.workspace.get(name), extensions: this.extensions() });
    this.view.setState(state);
    this.renderTabs();
    this.markDirty();
    if (this.lastError?.file === name) this.showError(this.lastError);
    else this.hideProblem();
  }

  private renderTabs(): void {
    const names = this.deps.workspace.names();
    this.tabs.replaceChildren(
      ...names.map((n) =>
        el('button', {
          class: `ed-tab small ghost${n === this.current ? ' active' : ''}`,
          text: n,
          attrs: { type: 'button', role: 'tab', 'aria-selected': String(n === this.current), 'data-file': n },
          on: { click: () => this.open(n) },
        }),
      ),
    );
  }

  private text(): string {
    return this.view.state.doc.toString();
  }

  private markDirty(): void {
    const dirty = this.text() !== this.deps.workspace.get(this.current);
    setText(this.status, dirty ? t('editor.unsaved') : '');
    this.status.className = `ed-status${dirty ? ' dirty' : ''}`;
  }

  save(): boolean {
    const text = this.text();
    if (text.length > LIMITS.fileBytes) {
      setText(this.status, t('editor.tooLarge', { kb: LIMITS.fileBytes / 1024 }));
      return false;
    }
    this.deps.workspace.save(this.current, text);
    setText(this.status, t('editor.saved'));
    this.status.className = 'ed-status ok';
    return true;
  }

  private reset(): void {
    const text = this.deps.workspace.reset(this.current);
    this.view.dispatch({ changes: { from: 0, to: this.view.state.doc.length, insert: text } });
    this.clearError();
  }

  async apply(): Promise<void> {
    if (!this.current || !this.save()) return;
    this.applyBtn.disabled = true;
    setText(this.status, t('editor.applying'));
    try {
      const file = this.current;
      const out = await this.deps.apply(file);
      await this.showApplyResult(file, out);
    } finally {
      this.applyBtn.disabled = false;
    }
  }

  /** After any `kubectl apply -f FILE` (from the button or typed): mark the error or clear it. */
  async showApplyResult(file: string, out: { text: string; exitCode: number }): Promise<void> {
    if (!this.deps.workspace.names().includes(file)) return;
    if (out.exitCode === 0) {
      this.clearError();
      if (file === this.current) {
        setText(this.status, t('editor.applied'));
        this.status.className = 'ed-status ok';
      }
      return;
    }
    const err = await locateApplyError(file, this.deps.workspace.get(file), out.text);
    if (!err) {
      setText(this.status, t('editor.failed'));
      this.status.className = 'ed-status bad';
      return;
    }
    this.lastError = { ...err, file };
    if (file !== this.current) this.open(file);
    else this.showError(this.lastError);
  }

  private showError(err: ApplyError): void {
    const doc = this.view.state.doc;
    const line = doc.line(Math.max(1, Math.min(doc.lines, err.line)));
    const from = Math.min(line.to, line.from + Math.max(0, (err.column ?? 1) - 1));
    const diag: Diagnostic = { from, to: Math.max(from, line.to), severity: 'error', message: err.message };
    this.view.dispatch(setDiagnostics(this.view.state, [diag]));
    this.view.dispatch({ selection: { anchor: from }, effects: EditorView.scrollIntoView(from, { y: 'center' }) });
    this.problem.hidden = false;
    this.problem.dataset.line = String(err.line);
    this.problem.replaceChildren(
      el('strong', { i18n: 'editor.errorAt', vars: { line: err.line } }),
      ' ',
      el('code', { text: err.message }),
      ' ',
      el('button', { class: 'small ghost', i18n: 'editor.goto', attrs: { type: 'button' }, on: { click: () => (this.view.focus(), this.view.dispatch({ selection: { anchor: from } })) } }),
    );
    setText(this.status, t('editor.failed'));
    this.status.className = 'ed-status bad';
  }

  private clearError(): void {
    this.lastError = undefined;
    this.view.dispatch(setDiagnostics(this.view.state, []));
    this.hideProblem();
  }

  private hideProblem(): void {
    this.problem.hidden = true;
    this.problem.replaceChildren();
    delete this.problem.dataset.line;
  }

  /** Translated attributes inside CodeMirror are set once; rebuild them on a language switch. */
  relabel(): void {
    this.view.contentDOM.setAttribute('aria-label', t('editor.label'));
  }

  destroy(): void {
    this.view.destroy();
  }
}

const THEME = EditorView.theme(
  {
    '&': { height: '100%', backgroundColor: '#0a0f1f', color: '#e3e8ff', fontSize: '13.5px' },
    '.cm-scroller': { fontFamily: "ui-monospace, 'SFMono-Regular', 'DejaVu Sans Mono', Menlo, Consolas, monospace", lineHeight: '1.5' },
    '.cm-content': { caretColor: '#ffc95e' },
    '&.cm-focused .cm-cursor': { borderLeftColor: '#ffc95e', borderLeftWidth: '2px' },
    '.cm-gutters': { backgroundColor: '#0d1329', color: '#5d6a99', border: 'none' },
    '.cm-activeLine': { backgroundColor: '#ffffff08' },
    '.cm-activeLineGutter': { backgroundColor: '#ffffff0d', color: '#c8d0f5' },
    '&.cm-focused .cm-selectionBackground, .cm-selectionBackground, ::selection': { backgroundColor: '#ffc95e40 !important' },
    '.cm-lintRange-error': { backgroundImage: 'none', textDecoration: 'underline wavy #ff5c74', textUnderlineOffset: '3px' },
    '.cm-tooltip': { backgroundColor: '#1a2550', border: '1px solid #3a4d8c', color: '#e9edff' },
    '.cm-panels': { backgroundColor: '#131c3a', color: '#e9edff' },
    '.cm-searchMatch': { backgroundColor: '#7cc7ff40' },
  },
  { dark: true },
);

const HIGHLIGHT = HighlightStyle.define([
  { tag: tags.comment, color: '#7f8bb8', fontStyle: 'italic' },
  { tag: [tags.propertyName, tags.definition(tags.propertyName)], color: '#7cc7ff' },
  { tag: [tags.string, tags.special(tags.string)], color: '#ffd98a' },
  { tag: [tags.number, tags.bool, tags.null], color: '#c59bff' },
  { tag: [tags.keyword, tags.meta, tags.definitionKeyword], color: '#ff9ec4' },
  { tag: [tags.punctuation, tags.separator, tags.squareBracket, tags.brace], color: '#9ba8d6' },
  { tag: tags.content, color: '#e3e8ff' },
]);
