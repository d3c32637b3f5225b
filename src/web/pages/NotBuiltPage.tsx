import { ToolOutlined } from '@ant-design/icons';
import { Button, Card, Result, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { AreaKey } from '../areas';

/** The page of an area that later issues build: says plainly that it is not there yet, and what it will do. */
export default function NotBuiltPage({ area }: { area: AreaKey }) {
  const { t } = useTranslation();
  return (
    <Card>
      <Result
        icon={<ToolOutlined style={{ color: '#8c8c8c' }} />}
        title={
          <span data-testid="not-built">
            {t('notBuilt.title', { area: t(`nav.${area}`) })} <Tag>{t('notBuilt.tag')}</Tag>
          </span>
        }
        subTitle={
          <>
            <div style={{ fontSize: 15, color: 'rgba(0,0,0,0.75)', marginBottom: 4 }}>{t(`area.${area}`)}</div>
            <div>{t('notBuilt.body')}</div>
          </>
        }
        extra={
          <Link to="/">
            <Button>{t('notBuilt.backHome')}</Button>
          </Link>
        }
      />
    </Card>
  );
}
