// The sandbox's image header reader: sizes of real png/gif files and of jpeg frame headers,
// and nothing for anything else, however it is cut.
import { describe, expect, it } from 'vitest';
import { imageSize } from '../../demo/sandbox/image-size';
import { gif, jpegHeader, png } from './file-helpers';

describe('imageSize', () => {
  it('reads png, gif and jpeg sizes', () => {
    expect(imageSize(png(640, 480))).toEqual({ type: 'image/png', width: 640, height: 480 });
    expect(imageSize(gif(300, 4_464))).toEqual({ type: 'image/gif', width: 300, height: 4_464 });
    expect(imageSize(jpegHeader(800, 600))).toEqual({ type: 'image/jpeg', width: 800, height: 600 });
  });

  it('skips jpeg segments before the frame header, and a progressive frame counts', () => {
    const header = jpegHeader(20, 10);
    const comment = Buffer.from([0xff, 0xfe, 0x00, 0x06, ...Buffer.from('hi!!')]);
    const withComment = Buffer.concat([header.subarray(0, 20), comment, header.subarray(20)]);
    expect(imageSize(withComment)).toMatchObject({ width: 20, height: 10 });
    const progressive = Buffer.from(header);
    progressive[progressive.indexOf(0xc0, 20)] = 0xc2;
    expect(imageSize(progressive)).toMatchObject({ type: 'image/jpeg', width: 20, height: 10 });
  });

  it('finds nothing in other files, truncated headers or zero sizes', () => {
    expect(imageSize(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>'))).toBeUndefined();
    expect(imageSize(Buffer.alloc(0))).toBeUndefined();
    for (const bytes of [png(4, 4), gif(4, 4), jpegHeader(4, 4)]) {
      for (let cut = 0; cut < 24; cut++) {
        const size = imageSize(bytes.subarray(0, cut));
        if (size) expect(size).toMatchObject({ width: 4, height: 4 });
      }
    }
    expect(imageSize(png(4, 4).subarray(0, 23))).toBeUndefined();
    expect(imageSize(png(0, 4))).toBeUndefined();
    expect(imageSize(jpegHeader(0, 0))).toBeUndefined();
    // A jpeg whose scan starts before any frame header has no size to read.
    expect(imageSize(Buffer.from([0xff, 0xd8, 0xff, 0xda, 0, 2]))).toBeUndefined();
    expect(imageSize(Buffer.from([0xff, 0xd8, 0x00, 0x00, 0, 2]))).toBeUndefined();
  });
});
