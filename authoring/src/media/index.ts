export { MediaError, type MediaErrorCode, type MediaErrorDetails } from './MediaError';
export { synthesizeNarration, encodeOpus, type Narration, type NarrationOptions } from './narration';
export {
  prepareNarration,
  GENERATED_NARRATION_DIR,
  DRAFT_VOICE_CREDIT,
  DRAFT_VOICE_LICENCE,
  type NarrationSource,
  type PrepareNarrationOptions,
} from './prepare';
export {
  importAudio,
  loudnessNormalise,
  loudnessFilter,
  SPEECH_LOUDNESS,
  type LoudnessTarget,
} from './importAudio';
export { importImage, MAX_IMAGE_SIDE, type ImportedImage } from './importImage';
export { splitSentences } from './sentences';
export { buildVtt, parseVtt, captionPieces, sentenceCues, type Cue } from './vtt';
export { parseWav, encodeWav, type Pcm16 } from './wav';
export { ESPEAK_VOICES, ESPEAK_RATE_WPM, type NarrationLocale } from './voices';
