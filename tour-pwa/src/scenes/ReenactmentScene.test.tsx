/**
 * The re-enactment scene without WebGL (@react-three/test-renderer): a glb made in the test
 * with @gltf-transform, played along a timeline frame by frame.
 */
import { describe, expect, it, vi } from 'vitest';
import ReactThreeTestRenderer from '@react-three/test-renderer';
import { Document, NodeIO } from '@gltf-transform/core';
import { useThree } from '@react-three/fiber';
import { Vector3, type Camera, type Object3D } from 'three';
import { installNodeDocument, sceneOnlyRenderer } from '../../test/scenes/support/nodeDocument';
import { cameraSample, createPlayback, prepareTimeline, sampleCamera } from './core';
import { parseGlb } from './loaders';
import { ReenactmentScene } from './ReenactmentScene';

/** One triangle on a node "boat", and a clip "bob" that lifts it from y 0 to 2 over 2 s. */
async function tinyGlb(): Promise<ArrayBuffer> {
  const doc = new Document();
  const buffer = doc.createBuffer();
  const position = doc
    .createAccessor()
    .setType('VEC3')
    .setArray(new Float32Array([0, 0, 0, 1, 0, 0, 0, 1, 0]))
    .setBuffer(buffer);
  const prim = doc.createPrimitive().setAttribute('POSITION', position);
  const boat = doc.createNode('boat').setMesh(doc.createMesh('hull').addPrimitive(prim));
  doc.createScene('scene').addChild(boat);
  const input = doc
    .createAccessor()
    .setType('SCALAR')
    .setArray(new Float32Array([0, 2]))
    .setBuffer(buffer);
  const output = doc
    .createAccessor()
    .setType('VEC3')
    .setArray(new Float32Array([0, 0, 0, 0, 2, 0]))
    .setBuffer(buffer);
  const sampler = doc.createAnimationSampler().setInput(input).setOutput(output).setInterpolation('LINEAR');
  const channel = doc
    .createAnimationChannel()
    .setTargetNode(boat)
    .setTargetPath('translation')
    .setSampler(sampler);
  doc.createAnimation('bob').addSampler(sampler).addChannel(channel);
  const bytes = await new NodeIO().writeBinary(doc);
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

const timeline = prepareTimeline({
  durationS: 10,
  camera: [
    { atS: 0, position: [0, 5, 20], target: [0, 0, 0] },
    { atS: 10, position: [20, 5, 0], target: [0, 0, 0] },
  ],
  clips: [
    { atS: 1, name: 'bob', loop: true },
    { atS: 0, name: 'not-in-the-model' },
  ],
  sounds: [{ atS: 0.5, audio: 'media/sounds/waves.opus', position: [0, 0, -5] }],
  subtitles: [{ startS: 2, endS: 4, text: { en: 'The boat lifts.' } }],
});

installNodeDocument();

function CameraSpy({ into }: { into: { camera: Camera | null } }) {
  into.camera = useThree((s) => s.camera);
  return null;
}

async function setup() {
  const seen: { camera: Camera | null } = { camera: null };
  const gltf = await parseGlb(await tinyGlb());
  const playback = createPlayback(timeline.durationS, { autoplay: true });
  const onSubtitle = vi.fn();
  const onSound = vi.fn();
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  const r = await ReactThreeTestRenderer.create(
    <>
      <ReenactmentScene
        model={gltf.scene}
        animations={gltf.animations}
        timeline={timeline}
        playback={playback}
        onSubtitle={onSubtitle}
        onSound={onSound}
      />
      <CameraSpy into={seen} />
    </>,
    { gl: sceneOnlyRenderer().gl as never },
  );
  const boat = gltf.scene.getObjectByName('boat')!;
  return { r, gltf, playback, onSubtitle, onSound, boat, camera: () => seen.camera! };
}

describe('ReenactmentScene', () => {
  it('puts the model in the scene', async () => {
    const { r } = await setup();
    const scene = r.scene.instance as unknown as Object3D;
    expect(scene.getObjectByName('boat')).toBeTruthy();
    await r.unmount();
  });

  it('moves the camera along the timeline’s path and looks at its target', async () => {
    const { r, camera } = await setup();
    await r.advanceFrames(12, 0.25); // t = 3 s
    const expected = cameraSample();
    sampleCamera(timeline.camera, 3, expected);
    const cam = camera();
    expect(cam.position.toArray()).toEqual(expected.position.map((v) => expect.closeTo(v, 6)));
    const dir = cam.getWorldDirection(new Vector3());
    const toTarget = new Vector3(...expected.target).sub(cam.position).normalize();
    expect(dir.dot(toTarget)).toBeCloseTo(1, 6);
    await r.unmount();
  });

  it('poses a looping clip from its cue: local time 1 s of a 2 s clip lifts the boat to y 1', async () => {
    const { r, boat } = await setup();
    await r.advanceFrames(8, 0.25); // t = 2 s, the clip started at 1 s
    expect(boat.position.y).toBeCloseTo(1, 5);
    await r.advanceFrames(8, 0.25); // t = 4 s: local 3 s, looped to 1 s
    expect(boat.position.y).toBeCloseTo(1, 5);
    await r.unmount();
  });

  it('reports the subtitle only when it changes, and fires a sound cue once as it is crossed', async () => {
    const { r, onSubtitle, onSound } = await setup();
    await r.advanceFrames(20, 0.25); // 0 → 5 s
    expect(onSubtitle.mock.calls.map((c) => c[0])).toEqual([-1, 0, -1]);
    expect(onSound.mock.calls).toEqual([[0]]);
    await r.unmount();
  });

  it('after a seek back before a cue, fires it again when playback crosses it', async () => {
    const { r, playback, onSound } = await setup();
    await r.advanceFrames(4, 0.25); // 1 s
    playback.seek(0.25);
    await r.advanceFrames(2, 0.25); // 0.75 s
    expect(onSound).toHaveBeenCalledTimes(2);
    await r.unmount();
  });

  it('freezes the scene while paused', async () => {
    const { r, playback, boat } = await setup();
    await r.advanceFrames(8, 0.25);
    playback.pause();
    await r.advanceFrames(8, 0.25);
    expect(playback.getState().t).toBe(2);
    expect(boat.position.y).toBeCloseTo(1, 5);
    await r.unmount();
  });
});
