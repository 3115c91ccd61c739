import { Document, Logger, NodeIO, type Node } from '@gltf-transform/core';
import { EXTMeshoptCompression, KHRMeshQuantization } from '@gltf-transform/extensions';
import { dedup, meshopt, prune, weld } from '@gltf-transform/functions';
import { MeshoptDecoder, MeshoptEncoder } from 'meshoptimizer';
import type { TriangleSoup, Vec3 } from './geometry';

export interface MaterialSpec {
  name: string;
  /** sRGB hex, as a person picks it; converted to linear for glTF. */
  color: string;
  alpha?: number;
  roughness?: number;
  metallic?: number;
}

/** A rigid part of the scene: one node, one mesh, one primitive per material (= one draw call each). */
export interface GroupSpec {
  name: string;
  pivot: Vec3;
  /** Geometry relative to the pivot, per material name. */
  parts: Record<string, TriangleSoup>;
  /** Ground and water: drawn first by the still renderer, beneath everything standing on them. */
  ground?: boolean;
}

/** Key frames of one group in one clip: offsets from the pivot, rotations as XYZ Euler angles in radians. */
export interface TrackSpec {
  group: string;
  times: number[];
  translation?: Vec3[];
  rotation?: Vec3[];
  scale?: Vec3[];
}

export interface ClipSpec {
  name: string;
  tracks: TrackSpec[];
}

export interface SceneSpec {
  name: string;
  materials: MaterialSpec[];
  groups: GroupSpec[];
  clips: ClipSpec[];
  /** Water level (m): the still renderer cuts away what lies below it, as the sea hides it in 3D. */
  waterY?: number;
}

export function srgbToLinear(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16);
  const ch = (v: number): number => {
    const c = v / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return [ch((n >> 16) & 255), ch((n >> 8) & 255), ch(n & 255)];
}

export function eulerToQuat([x, y, z]: Vec3): [number, number, number, number] {
  const [cx, sx] = [Math.cos(x / 2), Math.sin(x / 2)];
  const [cy, sy] = [Math.cos(y / 2), Math.sin(y / 2)];
  const [cz, sz] = [Math.cos(z / 2), Math.sin(z / 2)];
  // XYZ order (three.js default): q = qx * qy * qz
  return [
    sx * cy * cz + cx * sy * sz,
    cx * sy * cz - sx * cy * sz,
    cx * cy * sz + sx * sy * cz,
    cx * cy * cz - sx * sy * sz,
  ];
}

/** Builds the glTF document: materials, one node per group (mesh on a child node), animations. */
export function buildDocument(spec: SceneSpec): Document {
  const doc = new Document().setLogger(new Logger(Logger.Verbosity.WARN));
  doc.getRoot().getAsset().generator = 'Dunkirk toolkit content/tools';
  const buffer = doc.createBuffer();
  const scene = doc.createScene(spec.name);
  doc.getRoot().setDefaultScene(scene);
  const materials = new Map(
    spec.materials.map((m) => {
      const mat = doc
        .createMaterial(m.name)
        .setBaseColorFactor([...srgbToLinear(m.color), m.alpha ?? 1])
        .setRoughnessFactor(m.roughness ?? 0.9)
        .setMetallicFactor(m.metallic ?? 0);
      if ((m.alpha ?? 1) < 1) mat.setAlphaMode('BLEND');
      return [m.name, mat] as const;
    }),
  );
  const nodes = new Map<string, Node>();
  for (const g of spec.groups) {
    const mesh = doc.createMesh(g.name);
    for (const [matName, soup] of Object.entries(g.parts)) {
      if (soup.triangleCount === 0) continue;
      const material = materials.get(matName);
      if (!material) throw new Error(`group ${g.name}: unknown material ${matName}`);
      const position = doc
        .createAccessor()
        .setType('VEC3')
        .setArray(new Float32Array(soup.positions))
        .setBuffer(buffer);
      const normal = doc.createAccessor().setType('VEC3').setArray(soup.normals()).setBuffer(buffer);
      mesh.addPrimitive(
        doc
          .createPrimitive()
          .setAttribute('POSITION', position)
          .setAttribute('NORMAL', normal)
          .setMaterial(material),
      );
    }
    // The animated node carries no mesh: quantization may then rescale the mesh's own node freely.
    const node = doc
      .createNode(g.name)
      .setTranslation(g.pivot)
      .addChild(doc.createNode(`${g.name}-mesh`).setMesh(mesh));
    scene.addChild(node);
    nodes.set(g.name, node);
  }
  for (const clip of spec.clips) {
    const anim = doc.createAnimation(clip.name);
    for (const tr of clip.tracks) {
      const node = nodes.get(tr.group);
      if (!node) throw new Error(`clip ${clip.name}: unknown group ${tr.group}`);
      const pivot = spec.groups.find((g) => g.name === tr.group)?.pivot ?? [0, 0, 0];
      const input = doc
        .createAccessor()
        .setType('SCALAR')
        .setArray(new Float32Array(tr.times))
        .setBuffer(buffer);
      const channels: ['translation' | 'rotation' | 'scale', 'VEC3' | 'VEC4', number[]][] = [];
      if (tr.translation)
        channels.push([
          'translation',
          'VEC3',
          tr.translation.flatMap((v) => [v[0] + pivot[0], v[1] + pivot[1], v[2] + pivot[2]]),
        ]);
      if (tr.rotation) channels.push(['rotation', 'VEC4', tr.rotation.flatMap(eulerToQuat)]);
      if (tr.scale) channels.push(['scale', 'VEC3', tr.scale.flat()]);
      for (const [path, type, values] of channels) {
        const output = doc
          .createAccessor()
          .setType(type)
          .setArray(new Float32Array(values))
          .setBuffer(buffer);
        const sampler = doc
          .createAnimationSampler()
          .setInput(input)
          .setOutput(output)
          .setInterpolation('LINEAR');
        anim
          .addSampler(sampler)
          .addChannel(
            doc.createAnimationChannel().setTargetNode(node).setTargetPath(path).setSampler(sampler),
          );
      }
    }
  }
  return doc;
}

let ready: Promise<void> | undefined;
/** NodeIO with the extensions these scenes use, encoder and decoder ready (they are WebAssembly). */
export async function sceneIO(): Promise<NodeIO> {
  ready ??= Promise.all([MeshoptEncoder.ready, MeshoptDecoder.ready]).then(() => undefined);
  await ready;
  return new NodeIO()
    .registerExtensions([EXTMeshoptCompression, KHRMeshQuantization])
    .registerDependencies({ 'meshopt.encoder': MeshoptEncoder, 'meshopt.decoder': MeshoptDecoder });
}

/**
 * Optimises and writes a binary glTF: weld, dedup and prune, then meshopt's reorder + quantize and
 * EXT_meshopt_compression (the player needs three.js's MeshoptDecoder to load it).
 */
export async function toGlb(spec: SceneSpec): Promise<Uint8Array> {
  const io = await sceneIO();
  const doc = buildDocument(spec);
  await doc.transform(weld(), dedup(), prune(), meshopt({ encoder: MeshoptEncoder, level: 'medium' }));
  return io.writeBinary(doc);
}
