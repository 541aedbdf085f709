import { acceptsFile } from '../form/files.js';
import type { ImageOptions } from '../form/format.js';

// Photos from phone cameras (4000 × 3000, 3–6 MB) are scaled down in the
// browser before upload when the form asks for it: a KTP photographed at
// 1600 px on its long side is still legible and weighs a few hundred KB,
// which is the difference between sending and not sending on a weak link.

export const DEFAULT_MAX_DIMENSION = 1600;
export const DEFAULT_QUALITY = 0.8;
export const DEFAULT_DOWNSCALE_ABOVE = 1_000_000;
/** The photo types worth re-encoding. GIFs may be animated, SVGs are not photos, HEIC cannot be decoded by most browsers. */
export const DOWNSCALE_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;

/** What {@link downscaleImage} needs of the field. */
export interface DownscaleField {
  readonly image?: ImageOptions;
  readonly accept: readonly string[];
}

function jpegName(name: string): string {
  const dot = name.lastIndexOf('.');
  return `${dot > 0 ? name.slice(0, dot) : name}.jpg`;
}

async function encode(bitmap: ImageBitmap, width: number, height: number, quality: number): Promise<Blob | null> {
  if (typeof OffscreenCanvas !== 'undefined') {
    const canvas = new OffscreenCanvas(width, height);
    const ctx = canvas.getContext('2d');
    if (!ctx) return null;
    // JPEG has no transparency: a transparent PNG gets white, not black.
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, width, height);
    ctx.drawImage(bitmap, 0, 0, width, height);
    return canvas.convertToBlob({ type: 'image/jpeg', quality });
  }
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d');
  if (!ctx) return null;
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, width, height);
  ctx.drawImage(bitmap, 0, 0, width, height);
  return new Promise((resolve) => canvas.toBlob(resolve, 'image/jpeg', quality));
}

/**
 * Returns the file to upload: for a field with `image` options, a JPEG, PNG
 * or WebP above `downscaleAbove` bytes scaled to `maxDimension` on its long
 * side and re-encoded as JPEG (when the field accepts JPEG). Anything else —
 * PDFs, small files, fields without `image`, a decoding failure, or a result
 * that is not smaller — comes back unchanged: sending the original is always
 * better than sending nothing.
 */
export async function downscaleImage(file: File, field: DownscaleField): Promise<File> {
  const options = field.image;
  if (!options) return file;
  const above = options.downscaleAbove ?? DEFAULT_DOWNSCALE_ABOVE;
  if (file.size <= above || !(DOWNSCALE_TYPES as readonly string[]).includes(file.type.toLowerCase())) return file;
  const name = jpegName(file.name);
  if (!acceptsFile(field.accept, { name, size: 1, type: 'image/jpeg' })) return file;
  if (typeof createImageBitmap !== 'function') return file;
  let bitmap: ImageBitmap | undefined;
  try {
    // Camera photos carry their rotation in EXIF; honour it so the KTP is upright.
    bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
    const max = options.maxDimension ?? DEFAULT_MAX_DIMENSION;
    const scale = Math.min(1, max / Math.max(bitmap.width, bitmap.height));
    const width = Math.max(1, Math.round(bitmap.width * scale));
    const height = Math.max(1, Math.round(bitmap.height * scale));
    const blob = await encode(bitmap, width, height, options.quality ?? DEFAULT_QUALITY);
    if (!blob || blob.size === 0 || blob.size >= file.size) return file;
    return new File([blob], name, { type: 'image/jpeg', lastModified: file.lastModified });
  } catch {
    return file;
  } finally {
    bitmap?.close();
  }
}
