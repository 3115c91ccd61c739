/**
 * The rendering budgets of issue 7, one table, checked by tests (scene graph in Node,
 * `renderer.info` in Chromium) and printed by the bench.
 */
export const sceneBudget = {
  maxDrawCalls: 100,
  maxTriangles: 150_000,
  maxTexturePx: 2048,
} as const;

export interface SceneFigures {
  drawCalls: number;
  triangles: number;
  /** Largest width or height of any texture uploaded for the scene. */
  maxTexturePx: number;
}

export interface BudgetViolation {
  budget: 'drawCalls' | 'triangles' | 'texturePx';
  limit: number;
  actual: number;
}

export function budgetViolations(f: SceneFigures, budget = sceneBudget): BudgetViolation[] {
  const out: BudgetViolation[] = [];
  if (f.drawCalls > budget.maxDrawCalls)
    out.push({ budget: 'drawCalls', limit: budget.maxDrawCalls, actual: f.drawCalls });
  if (f.triangles > budget.maxTriangles)
    out.push({ budget: 'triangles', limit: budget.maxTriangles, actual: f.triangles });
  if (f.maxTexturePx > budget.maxTexturePx)
    out.push({ budget: 'texturePx', limit: budget.maxTexturePx, actual: f.maxTexturePx });
  return out;
}

/**
 * The size an image is decoded to so it fits the texture budget: scaled down by the smallest
 * power of two that fits (keeps the 2:1 of an equirectangular image and mip-map friendly sizes).
 */
export function fitTexture(
  width: number,
  height: number,
  maxPx: number = sceneBudget.maxTexturePx,
): { width: number; height: number } {
  let w = width;
  let h = height;
  while (w > maxPx || h > maxPx) {
    w = Math.max(1, Math.round(w / 2));
    h = Math.max(1, Math.round(h / 2));
  }
  return { width: w, height: h };
}
