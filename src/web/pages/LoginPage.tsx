import { CheckCircleFilled, LockOutlined, SafetyOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import BrandMark from '../components/BrandMark';
import LanguageSwitch from '../components/LanguageSwitch';
import { ApiError } from '../api';
import { useLogin, useSession } from '../session';
import { HEADER_BACKGROUND } from '../theme';

interface Credentials {
  login: string;
  password: string;
  totpCode?: string;
}

/** Only same-site paths are followed after sign-in, never another origin. */
function safeTarget(from: string | null): string {
  return from && from.startsWith('/') && !from.startsWith('//') ? from : '/';
}

export default function LoginPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const session = useSession();
  const login = useLogin();
  const target = safeTarget(params.get('from'));
  // Accounts with a second factor are asked for the code once the password has been accepted.
  const needsCode = login.error instanceof ApiError && (login.error.code === 'totp_required' || login.error.code === 'totp_invalid');

  if (session.data && !login.isPending) return <Navigate to={target} replace />;

  const onFinish = (values: Credentials) => {
    login.mutate(values, { onSuccess: () => void navigate(target, { replace: true }) });
  };

  return (
    <Flex style={{ minHeight: '100vh', background: '#f0f2f5' }}>
      <Flex
        vertical
        justify="space-between"
        style={{
          flex: '1 1 50%',
          padding: '40px 56px',
          color: '#fff',
          background: `linear-gradient(135deg, ${HEADER_BACKGROUND} 0%, #1d5bb8 100%)`,
        }}
        className="luoshi-login-aside"
      >
        <Flex align="center" gap={12}>
          <BrandMark size={40} />
          <span style={{ fontSize: 22, fontWeight: 600, letterSpacing: 2 }}>{t('app.name')}</span>
          <span style={{ fontSize: 16, opacity: 0.75 }}>{t('app.latin')}</span>
        </Flex>
        <div style={{ maxWidth: 520 }}>
          <Typography.Title level={2} style={{ color: '#fff', marginBottom: 16 }}>
            {t('app.tagline')}
          </Typography.Title>
          <Typography.Paragraph style={{ color: 'rgba(255,255,255,0.85)', fontSize: 16 }}>
            {t('app.loginIntro')}
          </Typography.Paragraph>
          <Flex vertical gap={10} style={{ marginTop: 24 }}>
            {(['consultation', 'ledger', 'dispatch'] as const).map((key) => (
              <Flex key={key} gap={10} align="center" style={{ fontSize: 15 }}>
                <CheckCircleFilled style={{ color: '#8fd19e' }} />
                <span>{t(`app.highlights.${key}`)}</span>
              </Flex>
            ))}
          </Flex>
        </div>
        <span style={{ opacity: 0.6, fontSize: 12 }}>
          {t('app.name')} {t('app.latin')}
        </span>
      </Flex>

      <Flex vertical style={{ flex: '1 1 50%', padding: 24 }}>
        <Flex justify="flex-end">
          <LanguageSwitch />
        </Flex>
        <Flex flex={1} align="center" justify="center">
          <Card style={{ width: 380, boxShadow: '0 6px 24px rgba(16,41,77,0.08)' }}>
            <Typography.Title level={3} style={{ marginTop: 0, marginBottom: 24 }}>
              {t('login.title')}
            </Typography.Title>
            {login.error && !(login.error instanceof ApiError && login.error.code === 'totp_required') && (
              <Alert
                type="error"
                showIcon
                role="alert"
                title={login.error.message}
                style={{ marginBottom: 16 }}
                data-testid="login-error"
              />
            )}
            <Form<Credentials> name="login" layout="vertical" requiredMark={false} onFinish={onFinish} size="large">
              <Form.Item
                label={t('login.login')}
                name="login"
                rules={[{ required: true, whitespace: true, message: t('login.loginRequired') }]}
              >
                <Input prefix={<UserOutlined />} placeholder={t('login.loginPlaceholder')} autoComplete="username" autoFocus />
              </Form.Item>
              <Form.Item
                label={t('login.password')}
                name="password"
                rules={[{ required: true, message: t('login.passwordRequired') }]}
              >
                <Input.Password
                  prefix={<LockOutlined />}
                  placeholder={t('login.passwordPlaceholder')}
                  autoComplete="current-password"
                />
              </Form.Item>
              {needsCode && (
                <Form.Item
                  label={t('login.totp')}
                  name="totpCode"
                  extra={t('login.totpHint')}
                  rules={[{ required: true, pattern: /^\d{6}$/, message: t('login.totpRequired') }]}
                >
                  <Input prefix={<SafetyOutlined />} inputMode="numeric" autoComplete="one-time-code" maxLength={6} autoFocus data-testid="totp-code" />
                </Form.Item>
              )}
              <Form.Item style={{ marginBottom: 12 }}>
                <Button type="primary" htmlType="submit" block loading={login.isPending}>
                  {t('login.submit')}
                </Button>
              </Form.Item>
            </Form>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('login.hint')}
            </Typography.Text>
          </Card>
        </Flex>
      </Flex>
    </Flex>
  );
}
