import { useEffect, useState } from 'react';
import type { Manifest } from '@dunkirk/content';
import { useServices } from '../app/services';

/** An object URL for an asset of the installed tour (hash checked), or null while loading / when absent. */
export function useAssetUrl(manifest: Manifest, assetId: string | undefined): string | null {
  const { library } = useServices();
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    const asset = manifest.assets.find((a) => a.id === assetId);
    if (!asset) return;
    library.assetUrl(manifest.id, asset).then(
      (u) => live && setUrl(u),
      () => live && setUrl(null),
    );
    return () => {
      live = false;
    };
  }, [library, manifest, assetId]);
  return url;
}

export function assetCredit(
  manifest: Manifest,
  assetId: string | undefined,
): { credit: string; licence: string } | null {
  const a = manifest.assets.find((x) => x.id === assetId);
  return a ? { credit: a.credit, licence: a.licence } : null;
}
