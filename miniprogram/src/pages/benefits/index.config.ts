export default definePageConfig({ navigationBarTitleText: '待遇查询' });
