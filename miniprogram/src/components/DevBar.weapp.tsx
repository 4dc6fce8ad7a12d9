/** The mini-program has WeChat's own login: no demo date, no user switch. */
export function DevBar() {
  return null;
}
