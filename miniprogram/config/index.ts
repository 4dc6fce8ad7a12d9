import path from 'node:path';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';
import devConfig from './dev';
import prodConfig from './prod';

/** Contracts and rules live outside the app (imported by relative path); Taro only compiles `src` unless told. */
const sharedDir = path.resolve(__dirname, '../../shared');

/**
 * 大字模式 rules (`.elder …`) keep real CSS pixels: their minimums (20 px type, 48 px tap targets) must
 * hold on any phone, not shrink with the screen like design units do. Upper-case PX would say the
 * same, but Prettier lower-cases units.
 */
const pxtransform = { enable: true, config: { selectorBlackList: [/\.elder(?![\w-])/] } };

export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'resident-medical-insurance',
    designWidth: 750,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    // One folder per platform so the weapp and H5 builds never overwrite each other.
    outputRoot: `dist-${process.env.TARO_ENV}`,
    // Always defined, so the weapp bundle never reads `process.env` at run time (there is no `process`).
    env: { TARO_APP_CLOUD_ENV: JSON.stringify(process.env.TARO_APP_CLOUD_ENV ?? '') },
    framework: 'react',
    compiler: 'webpack5',
    cache: { enable: false },
    mini: {
      compile: { include: [sharedDir] },
      postcss: {
        pxtransform,
        cssModules: { enable: false },
      },
    },
    h5: {
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      compile: { include: [sharedDir] },
      output: {
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[contenthash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        pxtransform,
        cssModules: { enable: false },
      },
      // Pages load as async chunks and Taro splits only initial ones, so each page would carry its own
      // copy of the H5 components; sharing them across async chunks too keeps every page small.
      webpackChain(chain) {
        chain.optimization.merge({ splitChunks: { chunks: 'all' } });
      },
    },
  };
  return merge({}, baseConfig, process.env.NODE_ENV === 'development' ? devConfig : prodConfig);
});
