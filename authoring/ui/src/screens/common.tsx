import type { Locale, Text } from '../core/types';
import { ApiError } from '../core/api';
import { useI18n } from '../i18n';

/** The text in the UI language, else the first language it has (marked with its `lang`). */
export function textIn(text: Text | undefined, locale: Locale): { text: string; lang: Locale } {
  if (text?.[locale]) return { text: text[locale], lang: locale };
  for (const l of ['fr', 'en', 'nl'] as const) if (text?.[l]) return { text: text[l], lang: l };
  return { text: '', lang: locale };
}

export function ErrorNote({ error }: { error: Error | null | undefined }) {
  const { t } = useI18n();
  if (!error) return null;
  const where =
    error instanceof ApiError
      ? [error.details.file, error.details.pointer].filter(Boolean).join(' #') +
        (error.details.issue ? ` — ${error.details.issue}` : '')
      : '';
  return (
    <p role="alert" className="error">
      {t('error')} {error instanceof ApiError ? <code>{error.code}</code> : null} {where || error.message}
    </p>
  );
}

/** A number input that reports only valid numbers. */
export function NumberField(props: {
  label: string;
  value: number;
  min?: number;
  max?: number;
  step?: number | 'any';
  onChange: (n: number) => void;
  id?: string;
}) {
  return (
    <label>
      {props.label}
      <input
        id={props.id}
        type="number"
        value={props.value}
        min={props.min}
        max={props.max}
        step={props.step ?? 1}
        onChange={(e) => {
          const n = e.target.valueAsNumber;
          if (Number.isFinite(n)) props.onChange(n);
        }}
      />
    </label>
  );
}

/** Field ids follow the file and JSON pointer, so a validation error can focus its field. */
export function fieldId(file: string, pointer: string): string {
  return `field:${file}#${pointer}`;
}
