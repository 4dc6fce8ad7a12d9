import type { PropsWithChildren } from 'react';
import './app.css';

/** Taro renders each page as `children`; app-wide providers (elder mode, etc.) will wrap them here. */
export default function App({ children }: PropsWithChildren) {
  return children;
}
