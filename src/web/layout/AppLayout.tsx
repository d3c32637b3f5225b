import { BellOutlined, DisconnectOutlined, DownOutlined, InfoCircleOutlined, KeyOutlined, LogoutOutlined, MenuOutlined, UserOutlined } from '@ant-design/icons';
import { App, Avatar, Badge, Button, Drawer, Dropdown, Flex, Grid, Layout, Menu, Tooltip, type MenuProps } from 'antd';
import { Suspense, useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { HOME_ICON, visibleAreas, type AreaKey } from '../areas';
import BrandMark from '../components/BrandMark';
import FullPageSpin from '../components/FullPageSpin';
import LanguageSwitch from '../components/LanguageSwitch';
import { useCurrentUser, useLogout, useLogoutEverywhere, useSession, useSessionAllowed } from '../session';
import { useTodoCounts } from '../todos';
import ChangePasswordModal from './ChangePasswordModal';
import ForcedPasswordChange from './ForcedPasswordChange';

const { Header, Sider, Content } = Layout;

function useNavItems(): MenuProps['items'] {
  const { t } = useTranslation();
  const allowed = useSessionAllowed();
  const areas = visibleAreas(allowed);
  const counts = useTodoCounts();
  const item = (key: 'home' | AreaKey, path: string, icon: ReactNode) => {
    const count = key === 'home' ? counts.total : (counts.byArea as Partial<Record<string, number>>)[key] ?? 0;
    return {
      key: path,
      icon,
      label: (
        <Link to={path} data-testid={`nav-${key}`} style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: 8 }}>
          <span>{t(`nav.${key}`)}</span>
          {count > 0 && <Badge count={count} size="small" overflowCount={99} data-testid={`nav-badge-${key}`} />}
        </Link>
      ),
    };
  };
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

/** The to-do count in the header, linking to the workbench. */
function TodoBell() {
  const { t } = useTranslation();
  const { total } = useTodoCounts();
  return (
    <Tooltip title={t('header.todos', { count: total })}>
      <Link to="/" aria-label={t('header.todos', { count: total })} data-testid="header-todos" style={{ display: 'flex', color: '#fff' }}>
        <Badge count={total} size="small" overflowCount={99} data-testid="header-todo-count">
          <BellOutlined style={{ fontSize: 20, color: '#fff' }} />
        </Badge>
      </Link>
    </Tooltip>
  );
}

function UserMenu({ onChangePassword, compact }: { onChangePassword: () => void; compact: boolean }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const logout = useLogout();
  const logoutEverywhere = useLogoutEverywhere();
  const allowed = useSessionAllowed();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const onClick: MenuProps['onClick'] = ({ key }) => {
    if (key === 'password') onChangePassword();
    if (key === 'about') void navigate('/about');
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
          ...(allowed.manageUsers ? [{ key: 'about', icon: <InfoCircleOutlined />, label: t('header.about') }] : []),
          { type: 'divider' },
          { key: 'logoutEverywhere', icon: <DisconnectOutlined />, label: t('header.logoutEverywhere') },
          { key: 'logout', icon: <LogoutOutlined />, label: t('header.logout'), danger: true },
        ],
      }}
    >
      <Flex
        align="center"
        gap={compact ? 6 : 10}
        style={{ cursor: 'pointer', color: '#fff', lineHeight: 1.3, minWidth: 0 }}
        data-testid="user-menu"
        role="button"
        tabIndex={0}
      >
        <Avatar size={32} icon={<UserOutlined />} style={{ background: 'rgba(255,255,255,0.18)', flex: 'none' }} />
        {/* On a phone the name alone: the unit and role are on the workbench. */}
        <Flex vertical style={{ minWidth: 0, maxWidth: compact ? 72 : 260 }}>
          <span style={{ fontWeight: 500, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }} data-testid="current-user">
            {user.displayName}
          </span>
          {!compact && (
            <span style={{ fontSize: 12, opacity: 0.7, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
              {user.unitName} · {t(`role.${user.role}`)}
            </span>
          )}
        </Flex>
        {!compact && <DownOutlined style={{ fontSize: 10, opacity: 0.7 }} />}
      </Flex>
    </Dropdown>
  );
}

export default function AppLayout() {
  const { t } = useTranslation();
  const location = useLocation();
  const items = useNavItems();
  const session = useSession();
  const screens = Grid.useBreakpoint();
  // Phones and narrow tablets: the navigation is a drawer, the header short.
  const phone = screens.md === false;
  const [passwordOpen, setPasswordOpen] = useState(false);
  const [collapsed, setCollapsed] = useState(false);
  const [drawerOpen, setDrawerOpen] = useState(false);
  const section = '/' + (location.pathname.split('/')[1] ?? '');
  useEffect(() => setDrawerOpen(false), [location.pathname]);
  const mustChangePassword = session.data?.mustChangePassword === true;

  const menu = <Menu mode="inline" selectedKeys={[section]} items={items} style={{ borderInlineEnd: 'none', paddingTop: 8 }} />;
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Header
        style={{
          display: 'flex',
          alignItems: 'center',
          justifyContent: 'space-between',
          gap: 8,
          position: 'sticky',
          top: 0,
          zIndex: 10,
          ...(phone && { paddingInline: 12 }),
        }}
      >
        <Flex align="center" gap={8} style={{ minWidth: 0 }}>
          {phone && !mustChangePassword && (
            <Button
              type="text"
              icon={<MenuOutlined style={{ color: '#fff', fontSize: 18 }} />}
              aria-label={t('header.menu')}
              onClick={() => setDrawerOpen(true)}
              data-testid="nav-drawer-button"
            />
          )}
          <Link to="/" style={{ display: 'flex', alignItems: 'center', gap: 10, color: '#fff', minWidth: 0 }}>
            <BrandMark size={phone ? 26 : 30} />
            <span style={{ fontSize: phone ? 16 : 18, fontWeight: 600, letterSpacing: 1, whiteSpace: 'nowrap' }} data-testid="product-name">
              {t('app.name')}
            </span>
            {!phone && <span style={{ fontSize: 13, opacity: 0.6 }}>{t('app.latin')}</span>}
          </Link>
        </Flex>
        <Flex align="center" gap={phone ? 10 : 16} style={{ minWidth: 0 }}>
          {!mustChangePassword && <TodoBell />}
          <LanguageSwitch dark />
          <UserMenu onChangePassword={() => setPasswordOpen(true)} compact={phone} />
        </Flex>
      </Header>
      <Layout>
        {!phone && !mustChangePassword && (
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
              {menu}
            </nav>
          </Sider>
        )}
        {phone && (
          <Drawer placement="left" open={drawerOpen} onClose={() => setDrawerOpen(false)} size={260} styles={{ body: { padding: 0 } }} title={t('app.name')}>
            <nav aria-label={t('nav.home')} data-testid="main-nav">
              {menu}
            </nav>
          </Drawer>
        )}
        <Content style={{ padding: phone ? 12 : 24, minWidth: 0 }}>
          <Suspense fallback={<FullPageSpin />}>{mustChangePassword ? <ForcedPasswordChange /> : <Outlet />}</Suspense>
        </Content>
      </Layout>
      <ChangePasswordModal open={passwordOpen} onClose={() => setPasswordOpen(false)} />
    </Layout>
  );
}
