/**
 * A small glb for the AR tests, made with @gltf-transform: a 2 m red block standing on its base,
 * with a yellow marker on its −Z face (the side that faces the anchor's heading).
 */
import { Document, NodeIO } from '@gltf-transform/core';

function box(
  doc: Document,
  name: string,
  min: [number, number, number],
  max: [number, number, number],
  rgb: [number, number, number],
) {
  const [x0, y0, z0] = min;
  const [x1, y1, z1] = max;
  // 8 corners, 12 triangles (outward winding), flat enough for a test.
  const p = new Float32Array([
    x0,
    y0,
    z0,
    x1,
    y0,
    z0,
    x1,
    y1,
    z0,
    x0,
    y1,
    z0,
    x0,
    y0,
    z1,
    x1,
    y0,
    z1,
    x1,
    y1,
    z1,
    x0,
    y1,
    z1,
  ]);
  const i = new Uint16Array([
    0, 2, 1, 0, 3, 2, 4, 5, 6, 4, 6, 7, 0, 4, 7, 0, 7, 3, 1, 2, 6, 1, 6, 5, 3, 7, 6, 3, 6, 2, 0, 1, 5, 0, 5,
    4,
  ]);
  const buffer = doc.getRoot().listBuffers()[0] ?? doc.createBuffer();
  const prim = doc
    .createPrimitive()
    .setAttribute('POSITION', doc.createAccessor().setType('VEC3').setArray(p).setBuffer(buffer))
    .setIndices(doc.createAccessor().setType('SCALAR').setArray(i).setBuffer(buffer))
    .setMaterial(
      doc
        .createMaterial(name)
        .setBaseColorFactor([...rgb, 1])
        .setRoughnessFactor(0.9)
        .setDoubleSided(true),
    );
  return doc.createNode(name).setMesh(doc.createMesh(name).addPrimitive(prim));
}

export async function markerBlockGlb(): Promise<Uint8Array> {
  const doc = new Document();
  doc.createBuffer();
  doc
    .createScene('scene')
    .addChild(box(doc, 'block', [-1, 0, -1], [1, 2, 1], [0.8, 0.1, 0.1]))
    .addChild(box(doc, 'front', [-0.5, 0.5, -1.2], [0.5, 1.5, -1], [0.9, 0.8, 0.1]));
  return new NodeIO().writeBinary(doc);
}
