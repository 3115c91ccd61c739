import { useTranslation } from 'react-i18next';
import type { Manifest } from '@dunkirk/content';
import { href } from '../app/router';
import { localized } from '../app/text';

/** The stops as a list: the accessible alternative to the map, and always present. */
export function StopList({
  manifest,
  visited,
  nextId,
  locale,
}: {
  manifest: Manifest;
  visited: readonly string[];
  nextId: string | null;
  locale: string;
}) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="stops-heading">
      <h2 id="stops-heading">{t('walk.stopsHeading')}</h2>
      <ol className="stops">
        {manifest.stops.map((s) => {
          const done = visited.includes(s.id);
          const next = s.id === nextId;
          return (
            <li
              key={s.id}
              className={done ? 'visited' : next ? 'next' : ''}
              aria-current={next ? 'step' : undefined}
            >
              {done ? (
                <a href={href({ name: 'walk', tourId: manifest.id, stopId: s.id })}>
                  {localized(s.title, locale)}
                </a>
              ) : (
                <span>{localized(s.title, locale)}</span>
              )}
              {done && <small> — {t('walk.visited')}</small>}
              {next && <small> — {t('walk.nextLabel')}</small>}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
