import type { LayersDocument } from '@dunkirk/content';
import { catalogueSearchUrl } from '@dunkirk/content';
import { msg, type LayersLocale } from './messages';

export interface LibraryLinksProps {
  library: NonNullable<LayersDocument['library']>;
  stopId: string;
  locale: LayersLocale;
  online: boolean;
}

/** Books, films and archives about a stop, each with a search in the network's catalogue (opened on request). */
export function LibraryLinks({ library, stopId, locale, online }: LibraryLinksProps) {
  const items = library.stops[stopId];
  if (!items || items.length === 0) return null;
  return (
    <section className="layers-library" aria-labelledby={`library-${stopId}`}>
      <h3 id={`library-${stopId}`}>{msg(locale, 'library')}</h3>
      <ul>
        {items.map((item, i) => (
          <li key={i}>
            <span className="layers-category">{msg(locale, `kind_${item.kind}`)}</span>{' '}
            <cite>{item.title}</cite>
            {item.author && `, ${item.author}`}
            {item.year !== undefined && ` (${item.year})`}
            {item.isbn && <span className="layers-note"> ISBN {item.isbn}</span>}
            {item.identifier && <span className="layers-note"> {item.identifier}</span>}{' '}
            {online ? (
              <a href={catalogueSearchUrl(library.catalogue, item)} target="_blank" rel="noopener noreferrer">
                {msg(locale, 'searchCatalogue', { name: library.catalogue.name })}
              </a>
            ) : (
              <span className="layers-note">{msg(locale, 'offline')}</span>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
