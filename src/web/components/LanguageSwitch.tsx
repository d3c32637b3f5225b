import { GlobalOutlined } from '@ant-design/icons';
import { Button, Dropdown } from 'antd';
import { useTranslation } from 'react-i18next';
import { currentLocale } from '../i18n/setup';
import { useSwitchLocale } from '../session';
import { LOCALES } from '../../contract/enums';

/** 中文 / English; remembered in the browser and, when signed in, as the user's preference. */
export default function LanguageSwitch({ dark = false }: { dark?: boolean }) {
  const { t } = useTranslation();
  const switchLocale = useSwitchLocale();
  const locale = currentLocale();
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        selectable: true,
        selectedKeys: [locale],
        items: LOCALES.map((key) => ({ key, label: t(`language.${key}`) })),
        onClick: ({ key }) => switchLocale(key === 'en' ? 'en' : 'zh-CN'),
      }}
    >
      <Button
        type="text"
        icon={<GlobalOutlined />}
        aria-label={t('language.label')}
        data-testid="language-switch"
        style={dark ? { color: 'rgba(255,255,255,0.85)' } : undefined}
      >
        {t(`language.${locale}`)}
      </Button>
    </Dropdown>
  );
}
