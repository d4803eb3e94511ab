import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { FieldbookApi } from '../../../shared/api/contract';
import type { HighlightColor, HighlightRecord } from '../../../shared/model/records';
import { ActorTagger } from '../actors/ActorTagger';
import { documentBlobUrl } from '../api/document-blobs';
import { PageImage } from './PageImage';
import { anchorInReadingOrder } from '../highlights/anchored';
import { highlightColors } from '../highlights/colors';
import { HighlightSidebar } from '../highlights/HighlightSidebar';
import { useDocumentHighlights } from '../highlights/useDocumentHighlights';
import { AttachedNotes } from '../notes/AttachedNotes';
import { Backlinks } from '../notes/Backlinks';
import { TagEditor } from '../tags/TagEditor';
import { useTags } from '../tags/useTags';
import { publishedDate } from '../forms/published-date';
import { FindBar } from './FindBar';
import { isTyping } from '../navigation/keyboard';
import { SelectionToolbar } from './SelectionToolbar';
import { TableOfContents } from './TableOfContents';
import { TextView } from './text/TextView';
import { loadPdfView, useReaderDocument } from './useReaderDocument';
import type { PaintedHighlight, ScrollTarget, TextRange } from './view-props';
import './reader.css';

// pdf.js is large: only a PDF pays for loading it.
const PdfView = lazy(() => loadPdfView().then((module) => ({ default: module.PdfView })));

export interface ReaderViewProps {
  api: FieldbookApi;
  documentId: string;
  /** A passage to show on opening (a search hit, a highlight in the all-highlights view). */
  range?: TextRange;
  /** Search terms to mark in the text. */
  terms?: readonly string[];
  onBack(): void;
  /** Open a note that belongs to or links to this document or one of its highlights. */
  onOpenNote(noteId: string): void;
  /** Open the page of an actor or event a passage is tagged with. */
  onOpenRecord(kind: 'actor' | 'event', id: string): void;
  onError(error: unknown): void;
}

/**
 * The reader: one annotation model and sidebar around a view per kind of
 * document (text views for web pages, Markdown and text; the PDF view). The
 * views only paint and report selections and clicks in canonical offsets.
 */
export function ReaderView({ api, documentId, range, terms, onBack, onOpenNote, onOpenRecord, onError }: ReaderViewProps) {
  const [loaded, setLoaded] = useReaderDocument(api, documentId, onError);
  const highlights = useDocumentHighlights(api, documentId, onError);
  const tags = useTags(api, onError);
  const [selection, setSelection] = useState<TextRange>();
  const [color, setColor] = useState<HighlightColor>('yellow');
  const [selectedId, setSelectedId] = useState<string>();
  /** The highlight just made here, and which field of its card takes the focus. */
  const [created, setCreated] = useState<{ id: string; focus: 'tag' | 'comment' }>();
  const [scrollTarget, setScrollTarget] = useState<ScrollTarget>();
  const [findMarks, setFindMarks] = useState<TextRange[]>([]);
  const nonce = useRef(0);

  const text = loaded?.content.text;
  const anchored = useMemo(() => (text === undefined || !highlights.records ? undefined : anchorInReadingOrder(text, highlights.records)), [text, highlights.records]);
  const painted = useMemo<PaintedHighlight[]>(
    () => (anchored ?? []).flatMap(({ record, anchor }) => (anchor ? [{ id: record.id, start: anchor.start, end: anchor.end, color: record.color }] : [])),
    [anchored],
  );

  const scrollTo = useCallback((target: TextRange, flash: boolean, select = false) => {
    nonce.current += 1;
    setScrollTarget({ start: target.start, end: target.end, flash, nonce: nonce.current, select });
  }, []);

  useEffect(() => {
    if (loaded && range) scrollTo(range, true);
  }, [loaded, range, scrollTo]);
  // Opened from the keyboard (a search result, a list), the reader takes the focus, without scrolling away from the passage shown.
  const opened = loaded !== undefined;
  const titleRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (opened) titleRef.current?.focus({ preventScroll: true });
  }, [opened]);

  // The key handler reads the selection from here: a key pressed right after a selection must not wait for a re-render.
  const selectionRef = useRef<TextRange>(undefined);
  selectionRef.current = selection;
  const reportSelection = useCallback((range: TextRange | undefined) => {
    selectionRef.current = range;
    setSelection(range);
  }, []);
  const highlightSelection = useCallback(
    async (chosen: HighlightColor, focus: 'tag' | 'comment' = 'tag') => {
      const selected = selectionRef.current;
      if (!selected) return;
      setColor(chosen);
      const created = await highlights.create(selected, chosen);
      if (!created) return;
      document.getSelection()?.removeAllRanges();
      setSelection(undefined);
      setSelectedId(created.id);
      setCreated({ id: created.id, focus });
    },
    [highlights],
  );

  // The comment box exists once the new card has opened, in the render that follows.
  useEffect(() => {
    if (created?.focus === 'comment') document.getElementById(`comment-${created.id}`)?.focus();
  }, [created]);

  const undoDelete = useCallback(async () => {
    const restored = await highlights.undo();
    if (restored) setSelectedId(restored.id);
  }, [highlights]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const mod = event.ctrlKey || event.metaKey;
      if (mod && !event.shiftKey && event.key.toLowerCase() === 'z' && highlights.undoable && !isTyping(event.target)) {
        event.preventDefault();
        void undoDelete();
        return;
      }
      if (mod || event.altKey || isTyping(event.target) || !selectionRef.current) return;
      const index = Number(event.key) - 1;
      const chosen = event.key.toLowerCase() === 'h' ? color : highlightColors[index];
      if (!chosen) return;
      event.preventDefault();
      void highlightSelection(chosen);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [highlights, color, highlightSelection, undoDelete]);

  const showHighlight = useCallback(
    (record: HighlightRecord) => {
      setSelectedId(record.id);
      const item = anchored?.find((candidate) => candidate.record.id === record.id);
      if (item?.anchor) scrollTo(item.anchor, true);
    },
    [anchored, scrollTo],
  );

  const loadAsset = useCallback((sha256: string) => documentBlobUrl(api, documentId, sha256), [api, documentId]);
  const [toastVisible, setToastVisible] = useState(false);
  useEffect(() => {
    if (!highlights.undoable) return setToastVisible(false);
    setToastVisible(true);
    // Undo stays on Ctrl+Z; the notice itself should not linger over the text.
    const timer = window.setTimeout(() => setToastVisible(false), 10_000);
    return () => window.clearTimeout(timer);
  }, [highlights.undoable]);

  if (!loaded) {
    return (
      <section className="reader">
        <button type="button" className="reader-back" onClick={onBack}>
          ← Documents
        </button>
        <p role="status">Opening the document…</p>
      </section>
    );
  }

  const { record, content } = loaded;
  const viewProps = {
    text: content.text,
    structure: content.structure,
    direction: record.direction,
    highlights: painted,
    marks: findMarks,
    ...(scrollTarget ? { scrollTarget } : {}),
    onSelectionChange: reportSelection,
    onHighlightClick: setSelectedId,
  };

  const textView = <TextView {...viewProps} {...(content.html === undefined ? {} : { html: content.html })} loadAsset={loadAsset} />;

  return (
    <section className="reader" aria-labelledby="reader-title">
      <header className="reader-header">
        <button type="button" className="reader-back" onClick={onBack}>
          ← Documents
        </button>
        <div className="reader-heading">
          <h1 id="reader-title" ref={titleRef} tabIndex={-1} dir="auto">
            {record.title}
          </h1>
          <p className="reader-meta" dir="auto">
            {byline(record.authors, publishedDate(record.publishedAt), record.siteName)}
          </p>
        </div>
        <TagEditor
          tags={tags}
          selected={record.tags}
          subject="document"
          onError={onError}
          onChange={(ids) =>
            void api.call('documents.update', { id: record.id, patch: { tags: ids } }).then(
              (updated) => setLoaded((current) => current && { ...current, record: updated }),
              onError,
            )
          }
        />
        <details className="reader-notes">
          <summary>Notes</summary>
          <AttachedNotes api={api} target={{ kind: 'document', id: record.id }} onOpen={onOpenNote} onError={onError} />
          <Backlinks api={api} target={{ kind: 'document', id: record.id }} heading="Notes linking to this document" onOpen={onOpenNote} onError={onError} />
        </details>
      </header>
      <div className="reader-toolbar" role="toolbar" aria-label="Highlighting">
        {/* Always there: the bar keeps its height, so the text does not move under a drag. */}
        <span className="hint reader-hint">Select text to highlight it; press Tab for the toolbar beside it</span>
        {record.kind !== 'pdf' && <FindBar text={content.text} initialTerms={terms} onMarks={setFindMarks} onShow={(match) => scrollTo(match, false, true)} />}
      </div>
      {record.notices?.map((notice) => (
        <p key={notice} className="reader-notice" role="note">
          {notice}
        </p>
      ))}
      <div className="reader-body">
        {record.kind !== 'pdf' && <TableOfContents text={content.text} structure={content.structure} onShow={(heading) => scrollTo(heading, false)} />}
        {record.kind === 'pdf' && loaded.pdf ? (
          <Suspense fallback={<p role="status">Opening the PDF…</p>}>
            <PdfView {...viewProps} data={loaded.pdf} />
          </Suspense>
        ) : record.kind === 'image' ? (
          // The photo above the text read from it, scrolled together.
          <div className="reader-image-column">
            <PageImage api={api} documentId={documentId} sha256={record.original.sha256} alt={`The image “${record.title}” as imported`} />
            {textView}
          </div>
        ) : (
          textView
        )}
        <HighlightSidebar
          items={anchored}
          selectedId={selectedId}
          tags={tags}
          highlights={highlights}
          onShow={showHighlight}
          onError={onError}
          cardExtras={(highlight) => (
            <>
              <ActorTagger api={api} highlight={highlight} update={highlights.update} focusOnOpen={created?.focus === 'tag' && highlight.id === created.id} onOpen={onOpenRecord} onError={onError} />
              <Backlinks api={api} target={{ kind: 'highlight', id: highlight.id }} heading="Notes citing this passage" onOpen={onOpenNote} onError={onError} />
            </>
          )}
        />
      </div>

      <SelectionToolbar
        selection={selection}
        color={color}
        onHighlight={(chosen) => void highlightSelection(chosen)}
        onTag={() => void highlightSelection(color)}
        onComment={() => void highlightSelection(color, 'comment')}
      />
      {toastVisible && (
        <div className="undo-toast" role="status">
          Highlight deleted.
          <button type="button" onClick={() => void undoDelete()}>
            Undo
          </button>
          <span className="hint">Ctrl+Z</span>
        </div>
      )}
    </section>
  );
}

/** Authors, date and site, the site left out when an author already names it ("BBC News · 24 July 2015", not "… · BBC News" again). */
function byline(authors: readonly string[], published: string | undefined, siteName: string | undefined): string {
  const site = siteName && !authors.some((author) => author.trim().toLocaleLowerCase() === siteName.trim().toLocaleLowerCase()) ? siteName : undefined;
  return [authors.join(', '), published, site].filter(Boolean).join(' · ');
}
