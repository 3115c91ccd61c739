import { useSyncExternalStore } from 'react';
import type { LayersView, LayersViewState } from './layersView';

/** The React side of the layers view: re-renders when the store changes. */
export function useLayersView(view: LayersView): LayersViewState {
  return useSyncExternalStore(view.subscribe, view.get, view.get);
}
