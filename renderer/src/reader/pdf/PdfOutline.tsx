import type { OutlineItem } from '../../../../shared/model/document-structure';

interface Props {
  items: readonly OutlineItem[];
  /** The page the reader is on, 0-based. */
  current: number;
  onPage(index: number): void;
}

function Entries({ items, current, onPage }: Props) {
  return (
    <ul>
      {items.map((item, index) => (
        <li key={index}>
          {item.page === undefined ? (
            <span dir="auto">{item.title}</span>
          ) : (
            <button type="button" dir="auto" aria-current={item.page === current ? 'page' : undefined} onClick={() => item.page !== undefined && onPage(item.page)}>
              {item.title}
            </button>
          )}
          {item.children.length > 0 && <Entries items={item.children} current={current} onPage={onPage} />}
        </li>
      ))}
    </ul>
  );
}

/** The PDF's bookmarks, as the import read them; an entry goes to its page. */
export function PdfOutline(props: Props) {
  return (
    <nav className="pdf-outline" aria-label="Outline">
      <Entries {...props} />
    </nav>
  );
}
