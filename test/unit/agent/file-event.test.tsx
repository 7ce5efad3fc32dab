// How the agent console shows a visitor's file: file-view.ts decides (name as text, http(s) links
// only, inline thumbnails only for png/jpeg/gif), FileEvent.tsx renders it.
import { render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { FileEvent } from '../../../demo/agent/FileEvent';
import { fileView, formatSize } from '../../../demo/agent/file-view';

const URL_A = 'http://127.0.0.1:8081/files/abc/shot.png';
const image = { type: 'file', name: 'shot.png', url: URL_A, content_type: 'image/png', size: 123_444, width: 640, height: 480, thumbnail_url: `${URL_A}?size=300`, thumbnail2x_url: `${URL_A}?size=600` };

describe('formatSize', () => {
  it('says bytes, KB and MB the way people read them', () => {
    expect([0, 1023, 1536, 2048, 123_444, 3.4 * 1024 * 1024, 10 * 1024 * 1024].map(formatSize)).toEqual(['0 B', '1023 B', '1.5 KB', '2 KB', '121 KB', '3.4 MB', '10 MB']);
  });
});

describe('fileView', () => {
  it('shows a png/jpeg/gif inline from its (retina) thumbnail, scaled into 240 px', () => {
    expect(fileView(image)).toEqual({ name: 'shot.png', url: URL_A, size: '121 KB', image: { src: `${URL_A}?size=600`, width: 240, height: 180 } });
    expect(fileView({ ...image, content_type: 'image/GIF', width: 20, height: 10, thumbnail2x_url: undefined }).image).toEqual({ src: `${URL_A}?size=300`, width: 20, height: 10 });
    expect(fileView({ ...image, width: undefined, thumbnail_url: undefined, thumbnail2x_url: undefined }).image).toEqual({ src: URL_A });
  });

  it('never inlines an SVG or any other type, and only links http(s) URLs', () => {
    expect(fileView({ ...image, name: 'logo.svg', content_type: 'image/svg+xml' })).toEqual({ name: 'logo.svg', url: URL_A, size: '121 KB' });
    expect(fileView({ ...image, url: 'javascript:alert(1)' })).toEqual({ name: 'shot.png', size: '121 KB' });
    expect(fileView({ ...image, thumbnail_url: 'data:image/png;base64,AA', thumbnail2x_url: 'javascript:alert(1)' }).image?.src).toBe(URL_A);
    expect(fileView({ type: 'file', url: 'https://x.example/a', name: '  ', size: -1 })).toEqual({ name: 'file', url: 'https://x.example/a' });
  });
});

describe('<FileEvent>', () => {
  const root = document.createElement('div');
  afterEach(() => render(null, root));

  it('renders an image as a thumbnail that opens the full file in a new tab, captioned with name and size', () => {
    render(<FileEvent event={image} />, root);
    const link = root.querySelector('a')!;
    expect([link.getAttribute('href'), link.getAttribute('target'), link.getAttribute('rel')]).toEqual([URL_A, '_blank', 'noopener noreferrer']);
    const img = link.querySelector('img')!;
    expect([img.getAttribute('src'), img.getAttribute('alt'), img.getAttribute('width'), img.getAttribute('height')]).toEqual([`${URL_A}?size=600`, 'shot.png', '240', '180']);
    expect(root.querySelector('figcaption')?.textContent).toBe('shot.png · 121 KB');
  });

  it('renders any other file as a download link with name and size, the name as text', () => {
    const name = '<img src=x onerror="alert(1)">.pdf';
    render(<FileEvent event={{ type: 'file', name, url: URL_A, content_type: 'application/pdf', size: 2048 }} />, root);
    expect(root.querySelector('img')).toBeNull();
    expect(root.querySelector('a')?.textContent).toBe(name);
    expect(root.textContent).toBe(`${name} (2 KB)`);
  });

  it('shows the name without a link when the URL is not http(s), and an SVG as a link', () => {
    render(<FileEvent event={{ type: 'file', name: 'x.png', url: 'javascript:alert(1)', content_type: 'image/png' }} />, root);
    expect([root.querySelector('a'), root.querySelector('img'), root.textContent]).toEqual([null, null, 'x.png']);
    render(<FileEvent event={{ type: 'file', name: 'logo.svg', url: URL_A, content_type: 'image/svg+xml' }} />, root);
    expect([root.querySelector('img'), root.querySelector('a')?.getAttribute('href')]).toEqual([null, URL_A]);
  });
});
