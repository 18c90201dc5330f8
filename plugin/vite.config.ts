/**
 * Builds the one file Flex loads: a classic script (IIFE) that registers the
 * plugin through Twilio.Flex.Plugins.init. React, ReactDOM, Redux,
 * React-Redux and Flex itself come from the Flex page, never from the bundle.
 */
import { readFileSync } from 'node:fs';
import { defineConfig } from 'vite';

const { name, version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { name: string; version: string };

export const PAGE_GLOBALS: Record<string, string> = {
  react: 'React',
  'react-dom': 'ReactDOM',
  redux: 'Redux',
  'react-redux': 'ReactRedux',
  '@twilio/flex-ui': 'Twilio.Flex',
};

export default defineConfig({
  define: {
    __PLUGIN_NAME__: JSON.stringify(name),
    __PLUGIN_VERSION__: JSON.stringify(version),
    'process.env.NODE_ENV': JSON.stringify('production'),
  },
  esbuild: { jsx: 'automatic', legalComments: 'none' },
  // The model package and the plugin each have zod installed beside them; ship one copy.
  resolve: { dedupe: ['zod', 'libphonenumber-js'] },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    target: 'es2020',
    reportCompressedSize: false,
    lib: {
      entry: 'src/index.ts',
      formats: ['iife'],
      name: 'InteractionHistoryPluginBundle',
      fileName: () => 'plugin-interaction-history.js',
    },
    rollupOptions: {
      external: Object.keys(PAGE_GLOBALS),
      output: { globals: PAGE_GLOBALS },
    },
  },
});
