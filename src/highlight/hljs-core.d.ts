// highlight.js ships types for its main entry only; its core entry (no languages bundled) has the same API.
declare module 'highlight.js/lib/core' {
  import type { HLJSApi } from 'highlight.js';
  const hljs: HLJSApi;
  export default hljs;
}
