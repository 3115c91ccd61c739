import { createRoot } from 'react-dom/client';
import { StrictMode } from 'react';
import { App } from './app/App';
import { initI18n } from './app/i18n';
import { loadConfig } from './core/config';
import { createServices } from './app/services';
import { ConfigError } from './app/ConfigError';
import { registerServiceWorker } from './app/swUpdate';
import './app/styles.css';

async function boot(): Promise<void> {
  await initI18n();
  const root = createRoot(document.getElementById('root')!);
  registerServiceWorker();
  try {
    const config = await loadConfig(fetch, new URL('config.json', document.baseURI).href);
    root.render(
      <StrictMode>
        <App services={createServices(config)} />
      </StrictMode>,
    );
  } catch (err) {
    root.render(<ConfigError error={err} />);
  }
}

void boot();
