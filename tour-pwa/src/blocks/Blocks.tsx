import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { renderMarkdown } from '@dunkirk/content';
import type { Block, Manifest } from '@dunkirk/content';
import { localized } from '../app/text';
import { assetCredit, useAssetUrl } from './useAsset';
import { NarrationBlock } from './NarrationBlock';
import { ImmersiveBlock } from './ImmersiveBlock';

type Of<T extends Block['type']> = Extract<Block, { type: T }>;

export interface BlockContext {
  manifest: Manifest;
  stopId: string;
  locale: string;
  /** True when the stop was just reached: its first narration starts by itself. */
  autoplay: boolean;
}

export function Blocks({
  blocks,
  ctx,
  keyPrefix,
}: {
  blocks: readonly Block[];
  ctx: BlockContext;
  keyPrefix: string;
}) {
  let firstNarration = true;
  return (
    <>
      {blocks.map((block, i) => {
        const key = `${keyPrefix}${i}`;
        switch (block.type) {
          case 'narration': {
            const autoplay = ctx.autoplay && firstNarration;
            firstNarration = false;
            return <NarrationBlock key={key} block={block} ctx={ctx} blockKey={key} autoplay={autoplay} />;
          }
          case 'text':
            return <TextBlock key={key} block={block} ctx={ctx} />;
          case 'image':
            return <ImageBlock key={key} block={block} ctx={ctx} />;
          case 'quiz':
            return <QuizBlock key={key} block={block} ctx={ctx} name={key} />;
          case 'links':
            return <LinksBlock key={key} block={block} ctx={ctx} />;
          case 'panorama':
            return (
              <ImmersiveBlock
                key={key}
                block={block}
                ctx={ctx}
                fallback={<Figure ctx={ctx} image={block.image} alt={block.alt} />}
              />
            );
          case 'reenactment':
            return (
              <ImmersiveBlock
                key={key}
                block={block}
                ctx={ctx}
                fallback={<Stills block={block} ctx={ctx} />}
              />
            );
          case 'ar':
            return (
              <ImmersiveBlock
                key={key}
                block={block}
                ctx={ctx}
                fallback={<ThenNow block={block} ctx={ctx} />}
              />
            );
          default:
            return null;
        }
      })}
    </>
  );
}

function TextBlock({ block, ctx }: { block: Of<'text'>; ctx: BlockContext }) {
  // renderMarkdown escapes raw HTML and drops unsafe links, so this HTML is inert.
  return (
    <div
      className="markdown"
      dangerouslySetInnerHTML={{ __html: renderMarkdown(localized(block.markdown, ctx.locale)) }}
    />
  );
}

function Figure({
  ctx,
  image,
  alt,
  caption,
}: {
  ctx: BlockContext;
  image: string;
  alt: Of<'image'>['alt'];
  caption?: Of<'image'>['caption'];
}) {
  const { t } = useTranslation();
  const url = useAssetUrl(ctx.manifest, image);
  const credit = assetCredit(ctx.manifest, image);
  return (
    <figure className="figure">
      {url ? <img src={url} alt={localized(alt, ctx.locale)} /> : <div className="img-placeholder" />}
      <figcaption>
        {caption && <span>{localized(caption, ctx.locale)} </span>}
        {credit && <small>{t('stop.credit', credit)}</small>}
      </figcaption>
    </figure>
  );
}

function ImageBlock({ block, ctx }: { block: Of<'image'>; ctx: BlockContext }) {
  return (
    <Figure
      ctx={ctx}
      image={block.image}
      alt={block.alt}
      {...(block.caption ? { caption: block.caption } : {})}
    />
  );
}

function Stills({ block, ctx }: { block: Of<'reenactment'>; ctx: BlockContext }) {
  // The still images are the reduced-motion (and no-WebGL) version of the 3D re-enactment.
  const { t } = useTranslation();
  return (
    <section aria-label={t('stop.stills')}>
      <p>{localized(block.alt, ctx.locale)}</p>
      {block.stills.map((s) => (
        <Figure key={s.atS} ctx={ctx} image={s.image} alt={s.alt} />
      ))}
    </section>
  );
}

function ThenNow({ block, ctx }: { block: Of<'ar'>; ctx: BlockContext }) {
  const { t } = useTranslation();
  if (!block.overlay) return <p>{localized(block.alt, ctx.locale)}</p>;
  return (
    <section className="then-now">
      <p>{localized(block.alt, ctx.locale)}</p>
      <Figure
        ctx={ctx}
        image={block.overlay.then}
        alt={block.alt}
        caption={{ en: t('stop.then'), fr: t('stop.then'), nl: t('stop.then') }}
      />
      {block.overlay.now && (
        <Figure
          ctx={ctx}
          image={block.overlay.now}
          alt={block.alt}
          caption={{ en: t('stop.now'), fr: t('stop.now'), nl: t('stop.now') }}
        />
      )}
    </section>
  );
}

function QuizBlock({ block, ctx, name }: { block: Of<'quiz'>; ctx: BlockContext; name: string }) {
  const { t } = useTranslation();
  const [choice, setChoice] = useState<number | null>(null);
  const [checked, setChecked] = useState(false);
  const right = choice !== null && block.choices[choice]?.correct === true;
  return (
    <form
      className="quiz"
      onSubmit={(e) => {
        e.preventDefault();
        setChecked(true);
      }}
    >
      <fieldset>
        <legend>
          {t('quiz.legend')}: {localized(block.question, ctx.locale)}
        </legend>
        {block.choices.map((c, i) => (
          <label key={i} className="choice">
            <input
              type="radio"
              name={name}
              checked={choice === i}
              onChange={() => {
                setChoice(i);
                setChecked(false);
              }}
            />
            {localized(c.text, ctx.locale)}
          </label>
        ))}
      </fieldset>
      <button type="submit" disabled={choice === null}>
        {t('quiz.check')}
      </button>
      <div role="status">
        {checked && (
          <p>
            <strong>{right ? t('quiz.right') : t('quiz.wrong')}</strong>{' '}
            {localized(block.explanation, ctx.locale)}
          </p>
        )}
      </div>
    </form>
  );
}

function LinksBlock({ block, ctx }: { block: Of<'links'>; ctx: BlockContext }) {
  const { t } = useTranslation();
  return (
    <section className="links">
      <h3>{t('stop.links')}</h3>
      <ul>
        {block.places?.map((p, i) => (
          <li key={`p${i}`}>
            {p.url ? (
              <a href={p.url} rel="noopener noreferrer" target="_blank">
                {localized(p.name, ctx.locale)}
              </a>
            ) : (
              localized(p.name, ctx.locale)
            )}{' '}
            <small>({p.category})</small>
          </li>
        ))}
        {block.books?.map((b, i) => (
          <li key={`b${i}`}>
            <cite>{b.title}</cite>
            {b.author ? `, ${b.author}` : ''}
            {b.year ? ` (${b.year})` : ''} —{' '}
            <a href={b.catalogueUrl} rel="noopener noreferrer" target="_blank">
              {t('stop.book')}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
