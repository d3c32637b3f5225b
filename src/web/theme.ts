import type { ThemeConfig } from 'antd';

export const FONT_FAMILY =
  "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', " +
  "'Noto Sans CJK SC', 'Noto Sans SC', 'Source Han Sans SC', 'Helvetica Neue', Arial, sans-serif";

/** The red of an official seal, used for the product mark only. */
export const SEAL_RED = '#c0281e';
export const HEADER_BACKGROUND = '#10294d';

export const theme: ThemeConfig = {
  token: {
    colorPrimary: '#1d5bb8',
    borderRadius: 6,
    fontFamily: FONT_FAMILY,
  },
  components: {
    Layout: { headerBg: HEADER_BACKGROUND, headerHeight: 56, headerPadding: '0 20px', siderBg: '#ffffff' },
  },
};
