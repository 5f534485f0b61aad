/// <reference types="vite/client" />

// For tools that read the .ts files without Vue's language plugin (ESLint's type-aware rules).
declare module '*.vue' {
  import type { DefineComponent } from 'vue';
  const component: DefineComponent;
  export default component;
}
