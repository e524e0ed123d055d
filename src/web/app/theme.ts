// The antd theme: a restrained government red as the primary colour, compact radii.
import type { ThemeConfig } from 'antd';

export const BRAND = '#c0392b';

export const theme: ThemeConfig = {
  token: {
    colorPrimary: BRAND,
    colorLink: '#1f5fa8',
    borderRadius: 6,
    fontFamily: '-apple-system, BlinkMacSystemFont, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "Segoe UI", Roboto, sans-serif',
  },
  components: {
    Layout: { headerBg: '#ffffff', siderBg: '#0f2540', headerHeight: 56, headerPadding: '0 20px' },
    Menu: { darkItemBg: '#0f2540', darkSubMenuItemBg: '#0b1d33', darkItemSelectedBg: BRAND },
  },
};
