/** A text in the three tour languages (FORMAT.md `Text`); every generated block carries all three. */
export interface Text3 {
  fr: string;
  en: string;
  nl: string;
}

export const t3 = (fr: string, en: string, nl: string): Text3 => ({ fr, en, nl });
