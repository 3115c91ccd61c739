/**
 * The camera view's 3D layer without WebGL (@react-three/test-renderer): sensor readings turn the
 * camera, the position fix geo-anchors the model, the calibration turns the view, and the model's
 * place on screen is reported. The window's orientation events and the geolocation are stand-ins.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ReactThreeTestRenderer from '@react-three/test-renderer';
import { act } from 'react';
import { useThree } from '@react-three/fiber';
import { Group, Vector3, type Camera, type Object3D } from 'three';
import { installNodeDocument, sceneOnlyRenderer } from '../../test/scenes/support/nodeDocument';
import { CameraModelScene } from './CameraModelScene';

installNodeDocument();

const ANCHOR: [number, number] = [2.37863, 51.04015];
/** 20 m due south of the anchor (1° of latitude ≈ 111,195 m). */
const VISITOR: [number, number] = [ANCHOR[0], ANCHOR[1] - 20 / 111_195];

const globals = globalThis as unknown as Record<string, unknown>;
const saved = { window: globals.window, navigator: globals.navigator };
let events: EventTarget;

beforeAll(() => {
  events = new EventTarget();
  // A window whose orientation events are north-referenced, and a geolocation with one fix.
  globals.window = Object.assign(events, { ondeviceorientationabsolute: null });
  Object.defineProperty(globalThis, 'navigator', {
    configurable: true,
    value: {
      geolocation: {
        watchPosition(
          ok: (p: { coords: { longitude: number; latitude: number; accuracy: number } }) => void,
        ) {
          ok({ coords: { longitude: VISITOR[0], latitude: VISITOR[1], accuracy: 4 } });
          return 1;
        },
        clearWatch() {},
      },
    },
  });
});
afterAll(() => {
  globals.window = saved.window;
  Object.defineProperty(globalThis, 'navigator', { configurable: true, value: saved.navigator });
});

/** The phone held upright facing `headingDeg` (W3C: alpha counter-clockwise, beta 90°). */
function face(headingDeg: number) {
  const e = Object.assign(new Event('deviceorientationabsolute'), {
    alpha: (360 - headingDeg) % 360,
    beta: 90,
    gamma: 0,
    absolute: true,
  });
  act(() => void events.dispatchEvent(e));
}

function CameraSpy({ into }: { into: { camera: Camera | null } }) {
  into.camera = useThree((s) => s.camera);
  return null;
}

async function setup(calibrationDeg = 0) {
  const seen: { camera: Camera | null } = { camera: null };
  const frame = { current: { dataset: {} as Record<string, string> } as unknown as HTMLElement };
  const model = new Group();
  model.name = 'model';
  const props = { anchor: { position: ANCHOR, headingDeg: 90 }, cameraHfovDeg: 50, frame, model };
  const r = await ReactThreeTestRenderer.create(
    <>
      <CameraModelScene {...props} calibrationDeg={calibrationDeg} />
      <CameraSpy into={seen} />
    </>,
    { gl: sceneOnlyRenderer().gl as never, size: { width: 400, height: 300, top: 0, left: 0 } },
  );
  const placed = () => (r.scene.instance as unknown as Object3D).getObjectByName('camera-model')!;
  const forward = () => seen.camera!.getWorldDirection(new Vector3());
  return { r, frame, placed, forward, props, seen };
}

describe('CameraModelScene', () => {
  it('hides the model until the phone reports its orientation', async () => {
    const { r, placed } = await setup();
    expect(placed().visible).toBe(false);
    await r.unmount();
  });

  it('geo-anchors the model 20 m north, turned to the anchor’s heading, and turns the camera as the phone', async () => {
    const { r, placed, forward, frame } = await setup();
    face(0);
    const m = placed();
    expect(m.visible).toBe(true);
    expect(m.position.x).toBeCloseTo(0, 3);
    expect(m.position.y).toBeCloseTo(-1.5, 9);
    expect(m.position.z).toBeCloseTo(-20, 1);
    expect(m.rotation.y).toBeCloseTo(-Math.PI / 2, 9); // −Z to the east (90°)
    expect(forward().z).toBeCloseTo(-1, 6); // looking north
    expect(frame.current!.dataset.modelX).toBe('0.00');
    face(90);
    expect(forward().x).toBeCloseTo(1, 6); // looking east
    expect(frame.current!.dataset.modelX).toBe('off');
    await r.unmount();
  });

  it('turns the view by the calibration: +5° reads the compass 5° further clockwise', async () => {
    const { r, frame } = await setup(5);
    face(0);
    // The model, due north, now lies 5° left of the view's centre: −tan 5° / tan 25°.
    expect(Number(frame.current!.dataset.modelX)).toBeCloseTo(
      -Math.tan((5 * Math.PI) / 180) / Math.tan((25 * Math.PI) / 180),
      2,
    );
    await r.unmount();
  });
});
