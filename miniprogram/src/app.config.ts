export default defineAppConfig({
  pages: [
    'pages/index/index',
    'pages/family/index',
    'pages/benefits/index',
    'pages/orders/index',
    'pages/orders/receipt',
    'pages/register/index',
    'pages/pay/index',
    'pages/newborn/index',
  ],
  window: {
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTitleText: '城乡居民医保',
    navigationBarTextStyle: 'black',
    backgroundColor: '#f5f6f8',
  },
  // H5 only: no slide between pages. Its timer shades the page being left after the slide, and a
  // quick 返回 within that time left the previous page shaded (blank). Less motion suits elders too.
  animation: false,
  // Icons are optional in WeChat's tabBar; text-only keeps the main package small.
  tabBar: {
    color: '#4a4f57',
    selectedColor: '#0b6bcb',
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    list: [
      { pagePath: 'pages/index/index', text: '首页' },
      { pagePath: 'pages/family/index', text: '家人' },
      { pagePath: 'pages/benefits/index', text: '待遇查询' },
      { pagePath: 'pages/orders/index', text: '缴费记录' },
    ],
  },
});
