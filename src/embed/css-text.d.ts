// The widget's stylesheets are bundled as text (esbuild `loader: { '.css': 'text' }`) and adopted into
// the shadow root at runtime.
declare module '*.css' {
  const css: string;
  export default css;
}
