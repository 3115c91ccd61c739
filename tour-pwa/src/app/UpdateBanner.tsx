import { useTranslation } from 'react-i18next';
import { useState } from 'react';
import { useStore } from './services';
import { applyUpdate, promptInstall, updateStore } from './swUpdate';
import { updateOffer } from '../core/update';

/** Offers the app update — but never applies it in the middle of a walk. */
export function UpdateBanner({ tourInProgress }: { tourInProgress: boolean }) {
  const { t } = useTranslation();
  const waiting = useStore(updateStore, (s) => s.waiting);
  const canInstall = useStore(updateStore, (s) => s.installEvent !== null);
  const [dismissed, setDismissed] = useState(false);
  const offer = updateOffer({ waiting, walking: tourInProgress, dismissed });
  return (
    <>
      {offer !== 'none' && (
        <div className="notice" role="status">
          {offer === 'after-walk' ? (
            <span>{t('update.waiting')}</span>
          ) : (
            <>
              <span>{t('update.ready')}</span>{' '}
              <button type="button" onClick={applyUpdate}>
                {t('update.apply')}
              </button>{' '}
              <button type="button" onClick={() => setDismissed(true)}>
                {t('update.later')}
              </button>
            </>
          )}
        </div>
      )}
      {canInstall && (
        <div className="notice">
          <button type="button" onClick={() => void promptInstall()}>
            {t('install')}
          </button>
        </div>
      )}
    </>
  );
}
