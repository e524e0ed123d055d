// antd-mobile 5 renders Toast, Dialog and ImageViewer imperatively with react-dom's legacy `render`, which
// React 19 removed; without this they silently show nothing. This is antd-mobile's documented adapter
// (https://mobile.ant.design/guide/v5-for-19). It is global: the app entry (src/web/main.tsx) is the
// better home for it, and it can move there; setting it twice is harmless.
import { unstableSetRender } from 'antd-mobile';
import { createRoot, type Root } from 'react-dom/client';

type Container = (Element | DocumentFragment) & { __zzRoot?: Root };

unstableSetRender((node, container) => {
  const c = container as Container;
  c.__zzRoot ??= createRoot(c);
  c.__zzRoot.render(node);
  return async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
    c.__zzRoot?.unmount();
    delete c.__zzRoot;
  };
});
