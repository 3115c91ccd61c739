/** A tiny typed event emitter (no Node `events`, so it runs in browsers too). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- listener argument lists vary per event
export class Emitter<E extends Record<keyof E, (...args: any[]) => void>> {
  private listeners = new Map<keyof E, Set<E[keyof E]>>();

  on<K extends keyof E>(event: K, listener: E[K]): () => void {
    let set = this.listeners.get(event);
    if (!set) this.listeners.set(event, (set = new Set()));
    set.add(listener);
    return () => set.delete(listener);
  }

  emit<K extends keyof E>(event: K, ...args: Parameters<E[K]>): void {
    for (const l of [...(this.listeners.get(event) ?? [])]) (l as E[K])(...args);
  }
}
