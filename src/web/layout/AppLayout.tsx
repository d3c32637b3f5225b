import { DisconnectOutlined, DownOutlined, KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { App, Avatar, Dropdown, Flex, Layout, Menu, type MenuProps } from 'antd';
import { Suspense, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { HOME_ICON, visibleAreas, type AreaKey } from '../areas';
import BrandMark from '../components/BrandMark';
import FullPageSpin from '../components/FullPageSpin';
import LanguageSwitch from '../components/LanguageSwitch';
import { useCurrentUser, useLogout, useLogoutEverywhere, useSessionAllowed } from '../session';
import ChangePasswordModal from './ChangePasswordModal';

const { Header, Sider, Content } = Layout;

function useNavItems(): MenuProps['items'] {
  const { t } = useTranslation();
  const allowed = useSessionAllowed();
  const areas = visibleAreas(allowed);
  const item = (key: 'home' | AreaKey, path: string, icon: ReactNode) => ({
    key: path,
    icon,
    label: (
      <Link to={path} data-testid={`nav-${key}`}>
        {t(`nav.${key}`)}
      </Link>
    ),
  });
  return [
    item('home', '/', HOME_ICON),
    {
      type: 'group',
      key: 'work',
      label: t('nav.groupWork'),
      children: areas.filter((a) => a.group === 'work').map((a) => item(a.key, a.path, a.icon)),
    },
    {
      type: 'group',
      key: 'system',
      label: t('nav.groupSystem'),
      children: areas.filter((a) => a.group === 'system').map((a) => item(a.key, a.path, a.icon)),
    },
  ];
}

function UserMenu({ onChangePassword }: { onChangePassword: () => void }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const logout = useLogout();
  const logoutEverywhere = useLogoutEverywhere();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const onClick: MenuProps['onClick'] = ({ key }) => {
    if (key === 'password') onChangePassword();
    if (key === 'logoutEverywhere') {
      logoutEverywhere.mutate(undefined, {
        onSuccess: ({ ended }) => void message.success(t('header.loggedOutEverywhere', { count: ended })),
        onSettled: () => void navigate('/login', { replace: true }),
      });
    }
    if (key === 'logout') {
      logout.mutate(undefined, {
        onSettled: () => {
          void message.success(t('header.loggedOut'));
          void navigate('/login', { replace: true });
        },
      });
    }
  };
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        onClick,
        items: [
          { key: 'password', icon: <KeyOutlined />, label: t('header.changePassword') },
          { type: 'divider' },
          { key: 'logoutEverywhere', icon: <DisconnectOutlined />, label: t('header.logoutEverywhere') },
          { key: 'logout', icon: <LogoutOutlined />, label: t('header.logout'), danger: true },
        ],
      }}
    >
      <Flex
        align="center"
        gap={10}
        style={{ cursor: 'pointer', color: '#fff', lineHeight: 1.3 }}
        data-testid="user-menu"
        role="button"
        tabIndex={0}
      >
        <Avatar size={32} icon={<UserOutlined />} style={{ background: 'rgba(255,255,255,0.18)' }} />
        <Flex vertical>
          <span style={{ fontWeight: 500 }} data-testid="current-user">
            {user.displayName}
          </span>
          <span style={{ fontSize: 12, opacity: 0.7 }}>
            {user.unitName} · {t(`role.${user.role}`)}
          </span>
        </Flex>
        <DownOutlined style={{ fontSize: 10, opacity: 0.7 }} />
      </Flex>
    </Dropdown>
  );
}

export default function AppLayout() {
  const { t } = useTranslation();
  const location = useLocation();
  const items = useNavItems();
  const [passwordOpen, setPasswordOpen] = useState(false);
  const [collapsed, setCollapsed] = useState(false);
  const section = '/' + (location.pathname.split('/')[1] ?? '');

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Header style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', position: 'sticky', top: 0, zIndex: 10 }}>
        <Link to="/" style={{ display: 'flex', alignItems: 'center', gap: 10, color: '#fff' }}>
          <BrandMark size={30} />
          <span style={{ fontSize: 18, fontWeight: 600, letterSpacing: 1 }} data-testid="product-name">
            {t('app.name')}
          </span>
          <span style={{ fontSize: 13, opacity: 0.6 }}>{t('app.latin')}</span>
        </Link>
        <Flex align="center" gap={16}>
          <LanguageSwitch dark />
          <UserMenu onChangePassword={() => setPasswordOpen(true)} />
        </Flex>
      </Header>
      <Layout>
        <Sider
          width={208}
          collapsible
          collapsed={collapsed}
          onCollapse={setCollapsed}
          breakpoint="lg"
          theme="light"
          style={{
            borderRight: '1px solid #f0f0f0',
            position: 'sticky',
            top: 56,
            height: 'calc(100vh - 56px)',
            overflow: 'auto',
          }}
        >
          <nav aria-label={t('nav.home')} data-testid="main-nav">
            <Menu mode="inline" selectedKeys={[section]} items={items} style={{ borderInlineEnd: 'none', paddingTop: 8 }} />
          </nav>
        </Sider>
        <Content style={{ padding: 24, minWidth: 0 }}>
          <Suspense fallback={<FullPageSpin />}>
            <Outlet />
          </Suspense>
        </Content>
      </Layout>
      <ChangePasswordModal open={passwordOpen} onClose={() => setPasswordOpen(false)} />
    </Layout>
  );
}
