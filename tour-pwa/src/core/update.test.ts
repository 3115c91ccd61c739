import { describe, expect, it } from 'vitest';
import { updateOffer } from './update';

describe('the app update offer', () => {
  it('is made when a new version waits and no tour is being walked', () => {
    expect(updateOffer({ waiting: true, walking: false, dismissed: false })).toBe('offer');
  });

  it('never interrupts a walk: during one it is only announced for the end', () => {
    expect(updateOffer({ waiting: true, walking: true, dismissed: false })).toBe('after-walk');
  });

  it('is silent with nothing waiting, or once the visitor said "later"', () => {
    expect(updateOffer({ waiting: false, walking: false, dismissed: false })).toBe('none');
    expect(updateOffer({ waiting: true, walking: false, dismissed: true })).toBe('none');
  });
});
