import { describe, expect, it } from 'vitest';
import { budgetViolations, fitTexture, sceneBudget } from './budgets';

describe('scene budgets', () => {
  it('are the figures of issue 7', () => {
    expect(sceneBudget).toEqual({ maxDrawCalls: 100, maxTriangles: 150_000, maxTexturePx: 2048 });
  });

  it('name each budget a scene exceeds, with the limit and the figure', () => {
    expect(budgetViolations({ drawCalls: 100, triangles: 150_000, maxTexturePx: 2048 })).toEqual([]);
    expect(budgetViolations({ drawCalls: 101, triangles: 200_000, maxTexturePx: 4096 })).toEqual([
      { budget: 'drawCalls', limit: 100, actual: 101 },
      { budget: 'triangles', limit: 150_000, actual: 200_000 },
      { budget: 'texturePx', limit: 2048, actual: 4096 },
    ]);
  });

  it('halves an oversized image until it fits, keeping its proportions', () => {
    expect(fitTexture(4096, 2048)).toEqual({ width: 2048, height: 1024 });
    expect(fitTexture(8192, 4096)).toEqual({ width: 2048, height: 1024 });
    expect(fitTexture(1600, 900)).toEqual({ width: 1600, height: 900 });
    expect(fitTexture(3000, 100)).toEqual({ width: 1500, height: 50 });
  });
});
