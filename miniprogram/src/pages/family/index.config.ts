// enableShareAppMessage: the consent share card is sent from this page.
export default definePageConfig({ navigationBarTitleText: '家人', enableShareAppMessage: true });
