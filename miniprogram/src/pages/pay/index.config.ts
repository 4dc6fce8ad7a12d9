export default definePageConfig({ navigationBarTitleText: '家庭代缴' });
