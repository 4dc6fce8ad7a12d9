// babel-preset-taro compiles TSX for both platforms; Taro's script rule also sends ../shared here.
module.exports = {
  presets: [['taro', { framework: 'react', ts: true, compiler: 'webpack5' }]],
};
