/**
 * The contract between `npm start` (scripts/start.ts) and each workspace's `demo.ts`; it lives beside the
 * shared test support because every workspace project already references this folder.
 * A workspace joins the demo by exporting `startDemo` from `<workspace>/demo.ts`.
 */
export interface DemoApp {
  /** Short name printed at start, e.g. "tour-pwa". */
  name: string;
  /** Where a person opens it. */
  url: string;
  /** One line on what it is. */
  description: string;
}

export interface DemoHandle {
  apps: DemoApp[];
  /** Values later workspaces may use (e.g. `catalogueUrl` from authoring for tour-pwa). */
  exports?: Record<string, string>;
  stop(): Promise<void>;
}

export interface DemoContext {
  /** Host every demo binds to: loopback only. */
  host: string;
  /** First port this workspace may use; it may take up to ten from there. */
  basePort: number;
  /** Values exported by the workspaces started before this one. */
  shared: Record<string, string>;
  log(line: string): void;
}

export type StartDemo = (ctx: DemoContext) => Promise<DemoHandle>;
