// esbuild bundles `.css` imports as text (loader `text`) for the gallery.
declare module '*.css' {
  const css: string;
  export default css;
}
