import type { LibraryItem, LibraryLinks } from './schema';

/** The catalogue search for one item: its `query`, else its ISBN, else title and author. */
export function catalogueSearchUrl(catalogue: LibraryLinks['catalogue'], item: LibraryItem): string {
  const words = item.query ?? item.isbn ?? [item.title, item.author].filter(Boolean).join(' ');
  return catalogue.searchUrl.replace(/\{query\}|%7Bquery%7D/, encodeURIComponent(words));
}
