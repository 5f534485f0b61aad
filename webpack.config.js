/**
 * Builds the Excel add-in into dist/ (see README, "Excel 加载项"):
 *   taskpane.html + taskpane.<hash>.js, commands.html + commands.<hash>.js, help.html, assets/, catalogue.json,
 *   roster.json and manifest.xml with the production URL.
 *
 * Environment:
 *   ADDIN_URL        production base URL that replaces https://localhost:3000/ in the manifest
 *                    (e.g. https://addin.example.gov.cn/luoshi/); required for production builds.
 *   OFFICE_JS=local  copy @microsoft/office-js's dist/ to dist/office-js/ and load Office.js from
 *                    there (closed networks). Default: Microsoft's CDN.
 *   OFFICE_JS_URL    any other Office.js URL, e.g. the 21Vianet CDN for Office 365 operated by
 *                    21Vianet: https://appsforoffice.cdn.partner.office365.cn/appsforoffice/lib/1/hosted/office.js
 *   CATALOGUE_ORIGIN an extra origin the pane may fetch a catalogue URL from (CSP connect-src).
 *
 * Everything emitted is ES5 with core-js polyfills (Office 2016/2019 volume licence run add-ins
 * in Internet Explorer 11); test/addin-build.test.ts parses every emitted .js as ES5.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import process from 'node:process';
import { URL, fileURLToPath } from 'node:url';
import webpack from 'webpack';
import HtmlWebpackPlugin from 'html-webpack-plugin';
import CopyWebpackPlugin from 'copy-webpack-plugin';
import es5RegExp from './scripts/babel-es5-regexp.mjs';

const require = createRequire(import.meta.url);
const root = path.dirname(fileURLToPath(import.meta.url));
const DEV_URL = 'https://localhost:3000/';
const CDN_URL = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const ES5_REGEXP_PLUGIN = path.join(root, 'scripts/babel-es5-regexp.mjs');

function withSlash(url) {
  return url.endsWith('/') ? url : `${url}/`;
}

/**
 * The manifest for `prodUrl`: every localhost URL points there, and AppDomain gets the origin
 * only (an AppDomain is scheme + host + port; a path there is not a valid domain).
 */
export function productionManifest(xml, prodUrl) {
  const prodOrigin = origin(prodUrl) ?? prodUrl.slice(0, -1);
  return xml
    .split(`<AppDomain>${DEV_URL.slice(0, -1)}</AppDomain>`)
    .join(`<AppDomain>${prodOrigin}</AppDomain>`)
    .split(DEV_URL)
    .join(prodUrl)
    .split(DEV_URL.slice(0, -1))
    .join(prodUrl.slice(0, -1));
}

function origin(url) {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

export default async (_env, argv = {}) => {
  const dev = argv.mode === 'development';
  const localOffice = process.env.OFFICE_JS === 'local';
  const officeJsUrl = localOffice ? 'office-js/office.js' : process.env.OFFICE_JS_URL || CDN_URL;
  if (!dev && !process.env.ADDIN_URL)
    // A production manifest pointing at localhost loads nothing on a clerk's machine.
    throw new Error(
      'ADDIN_URL is required for a production build: set it to the HTTPS address the add-in is served from, e.g. ADDIN_URL=https://addin.example.gov.cn/luoshi/ npm run build (use ADDIN_URL=https://localhost:3000/ for a local test build).',
    );
  const prodUrl = withSlash(process.env.ADDIN_URL || DEV_URL);
  const dataDir = path.join(root, 'node_modules/.cache/luoshi-addin');

  // Catalogue, roster and precompiled report templates, built by the core from seeds/ and templates/.
  execFileSync(
    process.execPath,
    ['--import', 'tsx', path.join(root, 'scripts/build-addin-data.ts'), dataDir],
    {
      cwd: root,
      stdio: 'inherit',
    },
  );

  const officeOrigin = localOffice ? null : origin(officeJsUrl);
  const scriptSrc = ["'self'", officeOrigin].filter(Boolean).join(' ');
  const connectSrc = ["'self'", officeOrigin, process.env.CATALOGUE_ORIGIN || null].filter(Boolean).join(' ');
  // No 'unsafe-inline' and no 'unsafe-eval': the bundle has no eval (devtool below) and sets text only as text.
  const csp = [
    "default-src 'self'",
    `script-src ${scriptSrc}`,
    "style-src 'self'",
    "img-src 'self' data: blob:",
    `connect-src ${connectSrc}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
  ].join('; ');

  const babelOptions = {
    babelrc: false,
    configFile: false,
    sourceType: 'unambiguous',
    presets: [
      [
        '@babel/preset-env',
        {
          targets: { ie: '11' },
          useBuiltIns: 'usage',
          corejs: require('core-js/package.json').version,
          // webpack handles import/export; babel must not turn modules into CommonJS.
          modules: false,
        },
      ],
      ['@babel/preset-typescript', { allowDeclareFields: true }],
    ],
    // `new RegExp(…, "u")` built from strings in exceljs and docx: preset-env only sees literals.
    plugins: [es5RegExp],
  };

  return {
    mode: dev ? 'development' : 'production',
    context: root,
    target: ['web', 'es5'],
    // Source maps as separate files: the default development devtool ("eval") would need
    // 'unsafe-eval' in the CSP.
    devtool: dev ? 'source-map' : false,
    entry: {
      taskpane: './src/addin/taskpane/taskpane.ts',
      commands: './src/addin/commands/commands.ts',
    },
    output: {
      path: path.join(root, 'dist'),
      // Hashed entry names too: a task pane cached by Office must never ask for a chunk the new
      // release deleted (taskpane.html itself is served with Cache-Control: no-cache).
      filename: '[name].[contenthash:8].js',
      chunkFilename: '[name].[contenthash:8].js',
      clean: true,
      environment: {
        arrowFunction: false,
        const: false,
        destructuring: false,
        forOf: false,
        optionalChaining: false,
        templateLiteral: false,
        dynamicImport: false,
        module: false,
      },
    },
    resolve: {
      extensions: ['.ts', '.js', '.mjs', '.json'],
      // Our sources import "./x.js" (NodeNext); the file on disk is x.ts.
      extensionAlias: { '.js': ['.ts', '.js'] },
      alias: {
        'luoshi-report-templates$': path.join(dataDir, 'report-templates.js'),
      },
      fallback: { fs: false, path: false, os: false, crypto: false, stream: false },
      // exceljs and friends ship browser builds; prefer them.
      mainFields: ['browser', 'module', 'main'],
    },
    module: {
      rules: [
        {
          test: /\.(ts|js|mjs|cjs)$/,
          // core-js must not be transpiled with polyfill injection into itself; webpack's own
          // runtime is generated for es5 already.
          exclude: [
            /node_modules[\\/]core-js[\\/]/,
            /node_modules[\\/]webpack[\\/]/,
            /node_modules[\\/]@babel[\\/]/,
          ],
          use: {
            loader: 'babel-loader',
            options: {
              ...babelOptions,
              cacheDirectory: path.join(root, 'node_modules/.cache/luoshi-addin/babel'),
              // The plugin is a function (not serialisable): key the cache on its source.
              cacheIdentifier: JSON.stringify({
                babel: require('@babel/core/package.json').version,
                presets: babelOptions.presets,
                es5RegExp: createHash('sha256').update(readFileSync(ES5_REGEXP_PLUGIN)).digest('hex'),
              }),
            },
          },
        },
      ],
    },
    // Transpiling exceljs, docx and echarts to ES5 is slow; keep the results between builds.
    cache: {
      type: 'filesystem',
      cacheDirectory: path.join(root, 'node_modules/.cache/luoshi-addin/webpack'),
      buildDependencies: { config: [fileURLToPath(import.meta.url), ES5_REGEXP_PLUGIN] },
    },
    performance: { hints: false },
    optimization: { splitChunks: false },
    plugins: [
      // src/xlsx/read-grid.ts hands exceljs a Buffer; in the browser that is the `buffer` package.
      new webpack.ProvidePlugin({ Buffer: ['buffer', 'Buffer'] }),
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './src/addin/taskpane/taskpane.html',
        chunks: ['taskpane'],
        inject: 'body',
        scriptLoading: 'blocking',
        templateParameters: { officeJsUrl, csp },
        minify: false,
      }),
      new HtmlWebpackPlugin({
        filename: 'commands.html',
        template: './src/addin/commands/commands.html',
        chunks: ['commands'],
        inject: 'body',
        scriptLoading: 'blocking',
        templateParameters: { officeJsUrl, csp },
        minify: false,
      }),
      new HtmlWebpackPlugin({
        filename: 'help.html',
        template: './src/addin/help.html',
        chunks: [],
        templateParameters: { csp },
        minify: false,
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/*.png', to: 'assets/[name][ext]' },
          { from: 'src/addin/taskpane/taskpane.css', to: 'taskpane.css' },
          { from: path.join(dataDir, 'catalogue.json'), to: 'catalogue.json' },
          { from: path.join(dataDir, 'roster.json'), to: 'roster.json' },
          {
            from: 'manifest.xml',
            to: 'manifest.xml',
            transform: (content) => (dev ? content : productionManifest(content.toString(), prodUrl)),
          },
          ...(localOffice
            ? [
                {
                  from: path.join(path.dirname(require.resolve('@microsoft/office-js/package.json')), 'dist'),
                  to: 'office-js',
                },
              ]
            : []),
        ],
      }),
    ],
    devServer: {
      port: 3000,
      static: { directory: path.join(root, 'dist') },
      headers: { 'Access-Control-Allow-Origin': '*' },
      // Only `webpack serve` needs the certificates (webpack-cli sets WEBPACK_SERVE).
      server: process.env.WEBPACK_SERVE ? { type: 'https', options: await devCerts() } : undefined,
    },
  };
};

/** Trusted localhost certificates from office-addin-dev-certs (installed on first use). */
async function devCerts() {
  const certs = await import('office-addin-dev-certs');
  return certs.getHttpsServerOptions();
}
