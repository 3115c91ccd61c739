/**
 * The demo pad: a set of tagged documents, some on the simulated reader's pad and some beside it, that
 * a person (or a test) places and lifts through the `pad` service. A lifted tag keeps its memory and
 * security state, as a real label would, so putting it back shows what the kiosk did to it.
 */
import { encodeTag, type TagSpec, type VirtualPad } from '@dunkirk/rfid-driver';
import type { PadTag } from '../common/contracts';
import type { Services } from '../common/rpc';
import type { Unsubscribe } from './loan/ports';

export interface DemoDocument {
  /** 16 hex digits, MSB first (E0 04 … for NXP ICODE). */
  uid: string;
  label: string;
  itemId: string;
  ownerIsil: string;
  /** ISO 28560-3 type of usage: 1 circulating, 4 patron card. */
  typeOfUsage?: number;
  part?: number;
  parts?: number;
  secured?: boolean;
  onPad?: boolean;
}

const AFI_ON_SHELF = 0x07;
const AFI_ON_LOAN = 0xc2;

/** The tag a library would have written for this document: ISO 28560-3 data, AFI and EAS. */
export function tagSpecFor(doc: DemoDocument): TagSpec {
  const [country, ...rest] = doc.ownerIsil.split('-');
  const secured = doc.secured ?? true;
  const data = encodeTag({
    model: 'iso28560-3',
    data: {
      version: 1,
      typeOfUsage: doc.typeOfUsage ?? 1,
      partsInItem: doc.parts ?? 1,
      partNumber: doc.part ?? 1,
      primaryItemId: doc.itemId,
      country: country ?? '',
      library: rest.join('-'),
    },
  });
  return {
    uid: doc.uid,
    data: Buffer.from(data).toString('hex'),
    afi: secured ? AFI_ON_SHELF : AFI_ON_LOAN,
    eas: secured,
  };
}

export class DemoPadService {
  private readonly docs = new Map<string, DemoDocument>();
  /** Tags lifted off the pad, with the state they had. */
  private readonly aside = new Map<string, TagSpec>();
  private readonly listeners = new Set<(tags: PadTag[]) => void>();
  private readonly unsubscribe: () => void;

  constructor(
    private readonly pad: VirtualPad,
    documents: DemoDocument[],
  ) {
    for (const doc of documents) {
      const uid = doc.uid.toUpperCase();
      this.docs.set(uid, { ...doc, uid });
      const spec = tagSpecFor({ ...doc, uid });
      if (doc.onPad) pad.place(spec);
      else this.aside.set(uid, spec);
    }
    this.unsubscribe = pad.on('change', () => this.emit());
  }

  dispose(): void {
    this.unsubscribe();
  }

  async list(): Promise<PadTag[]> {
    return this.snapshot();
  }

  async place(uid: string): Promise<void> {
    const spec = this.aside.get(uid);
    if (!spec) return;
    this.aside.delete(uid);
    this.pad.place(spec);
  }

  async lift(uid: string): Promise<void> {
    const tag = this.pad.get(uid);
    if (!tag) return;
    const state = tag.state();
    this.aside.set(uid, {
      uid,
      data: state.data,
      afi: state.afi,
      eas: state.eas,
      dsfid: state.dsfid,
      afiLocked: state.afiLocked,
    });
    this.pad.lift(uid);
  }

  onDidChangePad(listener: (tags: PadTag[]) => void): Unsubscribe {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Every demo document with its tag's security state, on the pad or not. */
  snapshot(): PadTag[] {
    return [...this.docs.values()].map((doc) => {
      const live = this.pad.get(doc.uid);
      const spec = this.aside.get(doc.uid);
      const afi = live ? live.afi : (spec?.afi ?? AFI_ON_SHELF);
      return { uid: doc.uid, label: doc.label, onPad: live !== undefined, secured: afi !== AFI_ON_LOAN };
    });
  }

  private emit(): void {
    const tags = this.snapshot();
    this.listeners.forEach((l) => l(tags));
  }
}

/** Typed as the contract's pad service (the dispatcher checks every call anyway). */
export function asPadService(service: DemoPadService): Services['pad'] {
  return service as unknown as Services['pad'];
}
