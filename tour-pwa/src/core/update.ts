/**
 * What to tell the visitor about a waiting app update. The rule: an update never
 * interrupts a walk — while a tour is being walked it is only announced for later.
 */
export type UpdateOffer = 'none' | 'offer' | 'after-walk';

export function updateOffer(state: { waiting: boolean; walking: boolean; dismissed: boolean }): UpdateOffer {
  if (!state.waiting || state.dismissed) return 'none';
  return state.walking ? 'after-walk' : 'offer';
}
