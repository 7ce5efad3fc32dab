// The type and pixel size of a png, jpeg or gif, read from its first bytes. Seed 002 gives file
// events `width`/`height` only for those three types; reading a header is a few lines, so the
// sandbox needs no image library (it does not decode or resize anything).

/** What {@link imageSize} found. */
export interface ImageInfo {
  type: 'image/png' | 'image/jpeg' | 'image/gif';
  width: number;
  height: number;
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function png(data: Buffer): ImageInfo | undefined {
  // The IHDR chunk comes first: length (4), "IHDR", width (4, big-endian), height (4).
  if (data.length < 24 || !data.subarray(0, 8).equals(PNG_SIGNATURE) || data.toString('latin1', 12, 16) !== 'IHDR') return undefined;
  return sized('image/png', data.readUInt32BE(16), data.readUInt32BE(20));
}

function gif(data: Buffer): ImageInfo | undefined {
  const magic = data.toString('latin1', 0, 6);
  if (data.length < 10 || (magic !== 'GIF87a' && magic !== 'GIF89a')) return undefined;
  return sized('image/gif', data.readUInt16LE(6), data.readUInt16LE(8));
}

// Start-of-frame markers carry the size; C4 (DHT), C8 (JPG) and CC (DAC) share the range but do not.
const isStartOfFrame = (marker: number): boolean => marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;

function jpeg(data: Buffer): ImageInfo | undefined {
  if (data.length < 4 || data[0] !== 0xff || data[1] !== 0xd8) return undefined;
  let at = 2;
  while (at + 4 <= data.length) {
    if (data[at] !== 0xff) return undefined;
    const marker = data[at + 1] as number;
    if (marker === 0xff) {
      at += 1; // fill byte before a marker
      continue;
    }
    // Markers without a length: TEM and the restart markers. SOS/EOI before a frame: no size.
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      at += 2;
      continue;
    }
    if (marker === 0xda || marker === 0xd9) return undefined;
    const length = data.readUInt16BE(at + 2);
    if (isStartOfFrame(marker)) {
      // FF Cn, length (2), precision (1), height (2), width (2).
      if (at + 9 > data.length) return undefined;
      return sized('image/jpeg', data.readUInt16BE(at + 7), data.readUInt16BE(at + 5));
    }
    if (length < 2) return undefined;
    at += 2 + length;
  }
  return undefined;
}

function sized(type: ImageInfo['type'], width: number, height: number): ImageInfo | undefined {
  return width > 0 && height > 0 ? { type, width, height } : undefined;
}

/**
 * The image type and size when `data` starts like a png, jpeg or gif with a readable size;
 * undefined for anything else (including a truncated or zero-sized header).
 * @example
 * imageSize(pngBytes); // { type: 'image/png', width: 640, height: 480 }
 * imageSize(Buffer.from('<svg/>')); // undefined
 */
export function imageSize(data: Buffer): ImageInfo | undefined {
  return png(data) ?? gif(data) ?? jpeg(data);
}
