/**
 * Turns a picked or captured image into what is stored: decoded and redrawn on a canvas
 * (which also drops metadata such as the GPS position a camera writes), shrunk if its
 * longer side is over `maxEdge`, and re-encoded, JPEG for photos and PNG for screenshots
 * that were not shrunk (text stays sharp). Past `maxBytes` afterwards it is refused with a
 * message saying so. Loaded only when someone adds a photo.
 */
import { isPhotoType, type PhotoType } from '../../domain/evidence.ts';
import type { PreparedImage } from './photos.ts';

/** Larger files are not even decoded: a tablet could run out of memory. */
const MAX_INPUT_BYTES = 40 * 1024 * 1024;
export const MAX_EDGE = 2560;

export class PhotoProblem extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PhotoProblem';
  }
}

const mb = (bytes: number) =>
  bytes >= 1024 * 1024
    ? `${(bytes / (1024 * 1024)).toFixed(1)} MB`
    : `${Math.ceil(bytes / 1024)} KB`;

/** The image type from the file's first bytes (its name and stated type can lie). */
function sniff(head: Uint8Array): PhotoType | 'image/gif' | null {
  const starts = (...sig: number[]) => sig.every((b, i) => head[i] === b);
  if (starts(0x89, 0x50, 0x4e, 0x47)) return 'image/png';
  if (starts(0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (starts(0x52, 0x49, 0x46, 0x46) && head[8] === 0x57 && head[9] === 0x45) return 'image/webp';
  if (starts(0x47, 0x49, 0x46, 0x38)) return 'image/gif';
  return null;
}

function canvasBlob(canvas: HTMLCanvasElement, type: string, quality?: number): Promise<Blob> {
  return new Promise((resolve, reject) =>
    canvas.toBlob(
      (b) => (b ? resolve(b) : reject(new PhotoProblem('This image could not be converted.'))),
      type,
      quality,
    ),
  );
}

export async function preparePhoto(
  file: Blob,
  maxBytes: number,
  maxEdge = MAX_EDGE,
): Promise<PreparedImage> {
  if (file.size > MAX_INPUT_BYTES) {
    throw new PhotoProblem(
      `This file is ${mb(file.size)}, too large to use. Take a new photo or a screenshot instead.`,
    );
  }
  const bytes = new Uint8Array(await file.arrayBuffer());
  const type = sniff(bytes.subarray(0, 12));
  if (!type) {
    throw new PhotoProblem(
      'This file is not a photo or screenshot this app can read (JPEG, PNG, WebP or GIF). If it is an iPhone HEIC photo, take a screenshot of it instead.',
    );
  }
  let out: PreparedImage;
  if (typeof createImageBitmap === 'function' && typeof document !== 'undefined') {
    let bitmap: ImageBitmap;
    try {
      bitmap = await createImageBitmap(new Blob([bytes], { type }));
    } catch {
      throw new PhotoProblem('This image could not be opened. It may be damaged.');
    }
    const scale = Math.min(1, maxEdge / Math.max(bitmap.width, bitmap.height));
    const width = Math.max(1, Math.round(bitmap.width * scale));
    const height = Math.max(1, Math.round(bitmap.height * scale));
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    canvas.getContext('2d')!.drawImage(bitmap, 0, 0, width, height);
    bitmap.close();
    let blob = scale === 1 && type === 'image/png' ? await canvasBlob(canvas, 'image/png') : null;
    if (!blob || blob.size > maxBytes) blob = await canvasBlob(canvas, 'image/jpeg', 0.85);
    canvas.width = canvas.height = 0; // let the tablet free the pixels now
    const mediaType = isPhotoType(blob.type) ? blob.type : 'image/jpeg';
    out = { bytes: new Uint8Array(await blob.arrayBuffer()), mediaType, width, height };
  } else {
    // No canvas decoding here (an old browser, a test DOM): keep the file as it is.
    if (!isPhotoType(type)) throw new PhotoProblem('This browser cannot convert GIF images.');
    out = { bytes, mediaType: type, width: 0, height: 0 };
  }
  if (out.bytes.length > maxBytes) {
    throw new PhotoProblem(
      `This photo is ${mb(out.bytes.length)} even after shrinking; the limit is ${mb(maxBytes)}. Take a closer photo, or a screenshot of just the part that matters.`,
    );
  }
  return out;
}
