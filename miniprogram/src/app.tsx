import type { PropsWithChildren } from 'react';
import './app.css';

/** Taro renders each page as `children`; app-wide state (elder mode, the demo date) lives in module stores (lib/store.ts). */
export default function App({ children }: PropsWithChildren) {
  return children;
}
