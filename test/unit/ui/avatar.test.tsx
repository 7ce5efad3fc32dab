import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { Avatar } from '../../../src/ui/Avatar';
import { cleanup, mount } from './render';

afterEach(cleanup);

describe('Avatar', () => {
  it('falls back to the initial when its image fails, and later avatars of that URL start with the initial', () => {
    const first = mount(<Avatar src="cdn.example.com/broken.png" name="ann" />).root;
    const img = first.querySelector('img.av')!;
    expect(img.getAttribute('src')).toBe('https://cdn.example.com/broken.png');
    act(() => void img.dispatchEvent(new Event('error')));
    expect(first.querySelector('img')).toBeNull();
    expect(first.querySelector('span.av')?.textContent).toBe('A');

    const again = mount(<Avatar src="https://cdn.example.com/broken.png" name="Bob" />).root;
    expect(again.querySelector('img')).toBeNull();
    expect(again.querySelector('span.av')?.textContent).toBe('B');
    const other = mount(<Avatar src="cdn.example.com/fine.png" name="Cy" />).root;
    expect(other.querySelector('img.av')?.getAttribute('src')).toBe('https://cdn.example.com/fine.png');
  });
});
