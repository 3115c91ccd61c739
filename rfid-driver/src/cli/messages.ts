import type { Locale } from '../errors';

/** CLI texts in French, English and Dutch; the locale comes from --lang or LANG. */
export const TEXT = {
  usage: {
    en: `Usage: rfid <command> [options]
  list                                      serial and HID devices, with the reader family recognised
  inventory --port P [--protocol 3m|feig] [--afi N]
  read      --port P [--protocol 3m|feig] [--uid U] [--blocks N]
  secure    --port P [--protocol 3m|feig] --uid U [--afi-shelf N] [--afi-loan N] [--no-eas]
  unsecure  (same options as secure)
  decode    <hex> [--model iso28560-3|iso28560-2|3m-legacy]
  encode    --model iso28560-3 --id ID --country CC --library LIB [--type N] [--parts N] [--part N] [--truncated]
  encode    --model iso28560-2 --id ID [--owner ISIL] [--set NNMM] [--shelf TEXT] [--usage N]
  simulate  --protocol 3m|feig [--pad pad.json]   prints the PTY path to open; commands on stdin
Options: --lang fr|en|nl`,
    fr: `Usage : rfid <commande> [options]
  list                                      périphériques série et HID, avec la famille de lecteur reconnue
  inventory --port P [--protocol 3m|feig] [--afi N]
  read      --port P [--protocol 3m|feig] [--uid U] [--blocks N]
  secure    --port P [--protocol 3m|feig] --uid U [--afi-shelf N] [--afi-loan N] [--no-eas]
  unsecure  (mêmes options que secure)
  decode    <hex> [--model iso28560-3|iso28560-2|3m-legacy]
  encode    --model iso28560-3 --id ID --country CC --library BIB [--type N] [--parts N] [--part N] [--truncated]
  encode    --model iso28560-2 --id ID [--owner ISIL] [--set NNMM] [--shelf TEXTE] [--usage N]
  simulate  --protocol 3m|feig [--pad pad.json]   affiche le chemin du PTY à ouvrir ; commandes sur l’entrée standard
Options : --lang fr|en|nl`,
    nl: `Gebruik: rfid <opdracht> [opties]
  list                                      seriële en HID-apparaten, met de herkende lezerfamilie
  inventory --port P [--protocol 3m|feig] [--afi N]
  read      --port P [--protocol 3m|feig] [--uid U] [--blocks N]
  secure    --port P [--protocol 3m|feig] --uid U [--afi-shelf N] [--afi-loan N] [--no-eas]
  unsecure  (dezelfde opties als secure)
  decode    <hex> [--model iso28560-3|iso28560-2|3m-legacy]
  encode    --model iso28560-3 --id ID --country CC --library BIB [--type N] [--parts N] [--part N] [--truncated]
  encode    --model iso28560-2 --id ID [--owner ISIL] [--set NNMM] [--shelf TEKST] [--usage N]
  simulate  --protocol 3m|feig [--pad pad.json]   toont het PTY-pad om te openen; opdrachten via stdin
Opties: --lang fr|en|nl`,
  },
  simulating: {
    en: (p: string, n: number) => `Simulated ${p} reader with ${n} tag(s). Open this port:`,
    fr: (p: string, n: number) => `Lecteur ${p} simulé avec ${n} étiquette(s). Ouvrez ce port :`,
    nl: (p: string, n: number) => `Gesimuleerde ${p}-lezer met ${n} tag(s). Open deze poort:`,
  },
  simHelp: {
    en: 'stdin: place <uid> [hex] | lift <uid> | state | crc | collision | unplug | replug | quit',
    fr: 'entrée : place <uid> [hex] | lift <uid> | state | crc | collision | unplug | replug | quit',
    nl: 'invoer: place <uid> [hex] | lift <uid> | state | crc | collision | unplug | replug | quit',
  },
  secured: { en: 'secured', fr: 'sécurisé', nl: 'beveiligd' },
  unsecured: { en: 'unsecured', fr: 'désécurisé', nl: 'onbeveiligd' },
} as const;

export function localeFrom(flag: string | undefined, env: string | undefined): Locale {
  const l = (flag ?? env ?? 'fr').slice(0, 2).toLowerCase();
  return l === 'en' || l === 'nl' ? l : 'fr';
}
